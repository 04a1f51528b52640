package io.tiempocheck.suggestions.suggestion;

import java.math.BigDecimal;

/** Numbers as a person in Mexico reads them in a sentence: "1 h 34 min", "0,90". */
public final class SpanishFormat {

    private SpanishFormat() {
    }

    /** Hours, minutes and seconds, leaving out the parts that are zero; "0 min" for nothing. */
    public static String duration(long seconds) {
        if (seconds == 0) {
            return "0 min";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append(" h");
        }
        if (minutes > 0) {
            text.append(text.isEmpty() ? "" : " ").append(minutes).append(" min");
        }
        if (rest > 0) {
            text.append(text.isEmpty() ? "" : " ").append(rest).append(" s");
        }
        return text.toString();
    }

    /** At least two decimals, with a decimal comma: 0.9 is "0,90", 0.875 is "0,875". */
    public static String decimal(BigDecimal value) {
        BigDecimal shown = value.stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2);
        }
        return shown.toPlainString().replace('.', ',');
    }

    /** "1 día", "3 días". */
    public static String days(long count) {
        return count + (count == 1 ? " día" : " días");
    }
}
