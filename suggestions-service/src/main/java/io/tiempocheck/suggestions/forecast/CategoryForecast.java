package io.tiempocheck.suggestions.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "Pronostico")
public record CategoryForecast(
        @JsonProperty("categoria") String category,
        @JsonProperty("metodo") Method method,
        @Schema(description = "True when the model beat the best baseline on the held-out folds and is used")
        @JsonProperty("modelo_promovido") boolean modelPromoted,
        @JsonProperty("mejor_linea_base") Method bestBaseline,
        @Schema(description = "Held-out MAE in seconds of the method used; null when the history is too short for a fold")
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("mae_validacion") Double heldOutMae,
        @JsonProperty("metricas") java.util.Map<Method, Metrics> metrics,
        @JsonProperty("motivo") String reason,
        @JsonProperty("pronostico") List<ForecastDay> days) {

    @Schema(name = "DiaPronosticado")
    public record ForecastDay(@JsonProperty("dia") LocalDate day, @JsonProperty("segundos") long seconds) {
    }
}
