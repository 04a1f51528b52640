package io.tiempocheck.suggestions.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One recorded refit and backtest over every user's series. */
@Schema(name = "EjecucionModelos")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefitRun(
        @JsonProperty("id") long id,
        @JsonProperty("instancia") String instance,
        @JsonProperty("disparo") String trigger,
        @JsonProperty("inicio") Instant start,
        @JsonProperty("fin") Instant end,
        @JsonProperty("estado") String status,
        @JsonProperty("usuarios") int users,
        @JsonProperty("series") int series,
        @JsonProperty("metodos") List<MethodSummary> methods,
        @JsonProperty("error") String error) {

    @Schema(name = "ResumenMetodo")
    public record MethodSummary(
            @JsonProperty("metodo") Method method,
            @Schema(description = "Held-out errors over every fold of every series")
            @JsonProperty("metricas") Metrics metrics,
            @Schema(description = "Series for which this method is the one used")
            @JsonProperty("elegido") int chosen) {
    }
}
