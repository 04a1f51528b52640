package io.tiempocheck.features.quality;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** How every check turns a measured value into its result, and the figures its sentences show a person. */
final class Verdicts {

    private Verdicts() {
    }

    /** The result for {@code value}: {@code whenGreen} when the value is under both thresholds, {@code whenNot} otherwise. */
    static CheckResult judge(QualityCheck check, Thresholds thresholds, double value, String unit, String whenGreen,
            String whenNot, Map<String, Object> detail) {
        CheckState state = thresholds.classify(value);
        return new CheckResult(check.id(), check.group(), state, value, unit, thresholds,
                state == CheckState.VERDE ? whenGreen : whenNot, detail);
    }

    /** "45 s", "12 min", "1 h 25 min", "3 d 4 h". */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }

    /** A share with one decimal, Spanish style: "37,5". */
    static String percent(double share) {
        return String.format(Locale.forLanguageTag("es"), "%.1f", share);
    }

    static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
