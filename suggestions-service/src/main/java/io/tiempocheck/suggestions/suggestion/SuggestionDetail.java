package io.tiempocheck.suggestions.suggestion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.suggestions.policy.BaseStatistic;
import io.tiempocheck.suggestions.policy.SuggestionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One category's suggestion with everything needed to redo it by hand: base = the statistic of
 * valores_diarios; producto = base × multiplicador; redondeado = producto to the nearest minute;
 * then the cap; then, for goals, the scaling of all goals to 24 h.
 */
@Schema(name = "SugerenciaDetalle")
public record SuggestionDetail(
        @JsonProperty("categoria") String category,
        @JsonProperty("tipo") SuggestionKind kind,
        @Schema(description = "The suggested daily seconds; null when the tier is insuficiente")
        @JsonProperty("segundos") Long seconds,
        @JsonProperty("nivel") TierView tier,
        @JsonProperty("ventana") Window window,
        @Schema(description = "Every day with data in the window (any use), with this category's seconds; 0 when not used that day")
        @JsonProperty("valores_diarios") List<DailyValue> dailyValues,
        @JsonProperty("dias_con_datos") int daysWithData,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("base") Base base,
        @JsonProperty("multiplicador") BigDecimal multiplier,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("producto_segundos") BigDecimal product,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("redondeado_segundos") Long rounded,
        @JsonProperty("tope") Cap cap,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("escala_metas") GoalScaling goalScaling,
        @Schema(description = "The computation as a sentence, with the numbers of the fields above")
        @JsonProperty("formula") String formula) {

    @Schema(name = "Ventana")
    public record Window(@JsonProperty("desde") LocalDate from, @JsonProperty("hasta") LocalDate to, @JsonProperty("dias") int days) {
    }

    @Schema(name = "ValorDiario")
    public record DailyValue(@JsonProperty("dia") LocalDate day, @JsonProperty("segundos") long seconds) {
    }

    @Schema(name = "Base")
    public record Base(@JsonProperty("estadistico") BaseStatistic statistic, @JsonProperty("segundos") long seconds) {
    }

    @Schema(name = "Tope")
    public record Cap(
            @Schema(description = "Null when the category has no cap") @JsonProperty("segundos") Long seconds,
            @JsonProperty("aplicado") boolean applied) {
    }

    @Schema(name = "EscalaMetas", description = "Goals are scaled down together when their sum passes 24 h")
    public record GoalScaling(
            @JsonProperty("suma_metas_segundos") long goalsSum,
            @Schema(description = "86400 / suma_metas_segundos, shown to 4 decimals; each goal becomes"
                    + " floor(goal × 86400 / suma_metas_segundos) to the minute")
            @JsonProperty("factor") BigDecimal factor,
            @JsonProperty("aplicada") boolean applied) {
    }

    @Schema(name = "Nivel")
    public record TierView(
            @JsonProperty("nombre") Tier tier,
            @Schema(description = "Days with data still needed for a value; 0 once there is one")
            @JsonProperty("dias_faltantes") int missingDays,
            @JsonProperty("umbrales") List<Threshold> thresholds) {

        public static TierView of(int daysWithData) {
            List<Threshold> thresholds = Arrays.stream(Tier.values()).map(t -> new Threshold(t, t.minDays(), t.maxDays())).toList();
            return new TierView(Tier.of(daysWithData), Math.max(0, Tier.MIN_DAYS - daysWithData), thresholds);
        }
    }

    @Schema(name = "Umbral")
    public record Threshold(@JsonProperty("nivel") Tier tier, @JsonProperty("dias_min") int minDays,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("dias_max") Integer maxDays) {
    }
}
