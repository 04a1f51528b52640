package io.tiempocheck.suggestions.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import com.google.common.math.Quantiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The statistic a suggestion starts from, over the daily seconds of the window's days with data,
 * rounded to whole seconds (half up) so that the base a person reads is the base that is multiplied.
 * The median and the 75th percentile interpolate linearly between ranks (Guava's, the same as a
 * spreadsheet's PERCENTILE.INC).
 */
public enum BaseStatistic {
    MEDIA("media", "promedio"),
    MEDIANA("mediana", "mediana"),
    P75("p75", "percentil 75");

    private final String id;
    private final String spanish;

    BaseStatistic(String id, String spanish) {
        this.id = id;
        this.spanish = spanish;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** How the sentence of a suggestion names it: "promedio de 12 días". */
    public String spanish() {
        return spanish;
    }

    public static Optional<BaseStatistic> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** @param values at least one */
    public long compute(long[] values) {
        return switch (this) {
            case MEDIA -> BigDecimal.valueOf(Arrays.stream(values).sum())
                    .divide(BigDecimal.valueOf(values.length), 0, RoundingMode.HALF_UP).longValueExact();
            case MEDIANA -> Math.round(Quantiles.median().compute(values));
            case P75 -> Math.round(Quantiles.percentiles().index(75).compute(values));
        };
    }
}
