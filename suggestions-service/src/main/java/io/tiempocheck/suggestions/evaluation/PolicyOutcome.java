package io.tiempocheck.suggestions.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.suggestions.policy.Policy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "EvaluacionPolitica")
public record PolicyOutcome(
        @JsonProperty("nombre") String name,
        @JsonProperty("politica") Policy policy,
        @Schema(description = "Days of the range with any use")
        @JsonProperty("dias_con_datos") int daysWithData,
        @Schema(description = "Days of the range without any use: nothing to compare, not evaluated")
        @JsonProperty("dias_sin_datos") int daysWithoutData,
        @JsonProperty("categorias") List<CategoryOutcome> categories) {
}
