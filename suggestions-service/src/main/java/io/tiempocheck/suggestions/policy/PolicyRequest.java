package io.tiempocheck.suggestions.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A policy as sent: every field optional. A missing field keeps the default; caps sent are merged
 * over the default caps, and a cap sent as null removes that category's cap.
 */
@Schema(name = "PoliticaEntrada")
public record PolicyRequest(
        @Schema(description = "Any label, shown in evaluations") @JsonProperty("nombre") String name,
        @Schema(description = "7..56") @JsonProperty("ventana_dias") Integer windowDays,
        @Schema(description = "media, mediana or p75") @JsonProperty("base") String base,
        @Schema(description = "0.10..3.00") @JsonProperty("multiplicador_limite") BigDecimal limitMultiplier,
        @Schema(description = "0.10..3.00") @JsonProperty("multiplicador_meta") BigDecimal goalMultiplier,
        @Schema(description = "0.10..3.00") @JsonProperty("multiplicador_otras") BigDecimal otherMultiplier,
        @Schema(description = "Seconds per category, 60..86400, or null to remove the category's cap")
        @JsonProperty("topes") Map<String, Long> caps) {
}
