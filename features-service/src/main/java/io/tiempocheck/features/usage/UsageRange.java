package io.tiempocheck.features.usage;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** The seed's ranges for the category view; {@code total} (the whole history) is its default. */
public enum UsageRange {
    HOY("hoy", 1), SIETE_DIAS("7d", 7), TREINTA_DIAS("30d", 30), TOTAL("total", 0);

    private final String wireName;
    private final int days;

    UsageRange(String wireName, int days) {
        this.wireName = wireName;
        this.days = days;
    }

    public String wireName() {
        return wireName;
    }

    /** First day of the range ending today, or null for the whole history. */
    public LocalDate firstDay(LocalDate today) {
        return days == 0 ? null : today.minusDays(days - 1L);
    }

    public static Optional<UsageRange> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(value)).findFirst();
    }
}
