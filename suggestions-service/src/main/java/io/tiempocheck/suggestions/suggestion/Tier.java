package io.tiempocheck.suggestions.suggestion;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much to trust a suggestion, by the days with data in its window. */
public enum Tier {
    INSUFICIENTE(0, 2),
    INICIAL(3, 6),
    CONFIABLE(7, 13),
    CONSOLIDADO(14, Integer.MAX_VALUE);

    /** Below this many days with data no value is suggested. */
    public static final int MIN_DAYS = INICIAL.minDays;

    private final int minDays;
    private final int maxDays;

    Tier(int minDays, int maxDays) {
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }

    public int minDays() {
        return minDays;
    }

    /** Null for the top tier, which has no upper bound. */
    public Integer maxDays() {
        return maxDays == Integer.MAX_VALUE ? null : maxDays;
    }

    public static Tier of(int daysWithData) {
        for (Tier tier : values()) {
            if (daysWithData <= tier.maxDays) {
                return tier;
            }
        }
        throw new IllegalArgumentException("negative day count " + daysWithData);
    }
}
