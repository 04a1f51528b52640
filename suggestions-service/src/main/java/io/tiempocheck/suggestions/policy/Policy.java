package io.tiempocheck.suggestions.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A person's suggestion rule. Distraction categories get a daily limit (base × multiplicador_limite),
 * work and study categories a daily goal (base × multiplicador_meta), any other category a limit
 * (base × multiplicador_otras); each never above its category's cap, when it has one.
 */
@Schema(name = "Politica")
public record Policy(
        @Schema(description = "Complete local days before today that make the window, 7..56", examples = "28")
        @JsonProperty("ventana_dias") int windowDays,
        @Schema(description = "media, mediana or p75 of the daily seconds over the window's days with data")
        @JsonProperty("base") BaseStatistic base,
        @Schema(description = "For Entretenimiento, Redes Sociales, Ocio, Comercio", examples = "0.90")
        @JsonProperty("multiplicador_limite") BigDecimal limitMultiplier,
        @Schema(description = "For Productividad, Estudio, Trabajo, Herramientas", examples = "1.10")
        @JsonProperty("multiplicador_meta") BigDecimal goalMultiplier,
        @Schema(description = "For every other category (a limit)", examples = "1.00")
        @JsonProperty("multiplicador_otras") BigDecimal otherMultiplier,
        @Schema(description = "Seconds per category that a suggestion never passes; a category without one has no cap")
        @JsonProperty("topes") SortedMap<String, Long> caps) {

    public static final Set<String> LIMIT_CATEGORIES = Set.of("Entretenimiento", "Redes Sociales", "Ocio", "Comercio");
    public static final Set<String> GOAL_CATEGORIES = Set.of("Productividad", "Estudio", "Trabajo", "Herramientas");

    public static Policy defaults() {
        SortedMap<String, Long> caps = new TreeMap<>(Map.of(
                "Redes Sociales", 3 * 3600L,
                "Entretenimiento", 2 * 3600L,
                "Ocio", 2 * 3600L,
                "Comercio", 4 * 3600L,
                "Productividad", 10 * 3600L,
                "Estudio", 8 * 3600L,
                "Trabajo", 10 * 3600L,
                "Herramientas", 6 * 3600L));
        return new Policy(28, BaseStatistic.MEDIA, new BigDecimal("0.90"), new BigDecimal("1.10"), new BigDecimal("1.00"), caps);
    }

    public SuggestionKind kindOf(String category) {
        return GOAL_CATEGORIES.contains(category) ? SuggestionKind.META : SuggestionKind.LIMITE;
    }

    public BigDecimal multiplierFor(String category) {
        if (GOAL_CATEGORIES.contains(category)) {
            return goalMultiplier;
        }
        return LIMIT_CATEGORIES.contains(category) ? limitMultiplier : otherMultiplier;
    }

    /** The category's cap in seconds, or null when it has none. */
    public Long capFor(String category) {
        return caps.get(category);
    }
}
