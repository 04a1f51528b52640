package io.tiempocheck.alerts.limits;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of POST and PUT /api/v1/limites, as sent; validated by the service. */
@Schema(name = "LimiteEntrada", description = "Exactly one of categoria or dominio")
public record LimitRequest(
        @Schema(description = "A category of the feature store, e.g. Redes Sociales (case and accents are ignored)")
        @JsonProperty("categoria") String category,
        @Schema(description = "A site; folded into its registrable domain as at ingest (www.youtube.com -> youtube.com)")
        @JsonProperty("dominio") String domain,
        @Schema(description = "Daily allowance in seconds, 1..86400", required = true, examples = "3600")
        @JsonProperty("segundos_diarios") Integer dailySeconds,
        @Schema(description = "Percent of the allowance that raises the proximidad warning, 1..99; default 80")
        @JsonProperty("umbral_aviso") Integer warningPercent,
        @Schema(description = "ISO days of the week it applies on, 1 = Monday ... 7 = Sunday; missing or empty = every day", maxItems = 7)
        @JsonProperty("dias_semana") List<Integer> weekdays,
        @Schema(description = "Default true")
        @JsonProperty("activo") Boolean active) {
}
