package io.tiempocheck.suggestions.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.suggestions.policy.SuggestionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** A policy's record on one category over the evaluated range. */
@Schema(name = "EvaluacionCategoria")
public record CategoryOutcome(
        @JsonProperty("categoria") String category,
        @JsonProperty("tipo") SuggestionKind kind,
        @Schema(description = "Days with data on which the policy suggested a value")
        @JsonProperty("dias_evaluados") int evaluatedDays,
        @Schema(description = "Days with data on which the policy had too few days behind it to suggest one")
        @JsonProperty("dias_sin_sugerencia") int daysWithoutSuggestion,
        @Schema(description = "Limits: days the use reached the limit (an exceso alert)")
        @JsonProperty("dias_exceso") int excessDays,
        @Schema(description = "Limits: days the use reached 80 % of the limit but not the limit (a proximidad alert)")
        @JsonProperty("dias_proximidad") int nearDays,
        @Schema(description = "Goals: days the use reached the goal")
        @JsonProperty("dias_meta_cumplida") int goalDays,
        @Schema(description = "Limits: seconds over the limit, summed over the exceso days")
        @JsonProperty("reduccion_total_segundos") long reductionTotal,
        @Schema(description = "reduccion_total_segundos / dias_exceso, 2 decimals; null without exceso days")
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("reduccion_media_segundos") BigDecimal reductionMean,
        @Schema(description = "Mean |suggested(d) - suggested(d-1)| over consecutive days that both had a value, 2 decimals;"
                + " null with fewer than two such days")
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("estabilidad_segundos") BigDecimal stability,
        @JsonProperty("dias") List<DayOutcome> days) {
}
