package io.tiempocheck.features.repository;

import java.time.LocalDate;
import java.util.Comparator;

/** One row of features_horarias. Sorted so concurrent writers take row locks in the same order. */
public record HourlyKey(long userId, LocalDate day, int hour, String domain) implements Comparable<HourlyKey> {

    private static final Comparator<HourlyKey> ORDER = Comparator.comparingLong(HourlyKey::userId)
            .thenComparing(HourlyKey::day).thenComparingInt(HourlyKey::hour).thenComparing(HourlyKey::domain);

    @Override
    public int compareTo(HourlyKey other) {
        return ORDER.compare(this, other);
    }
}
