package io.tiempocheck.features.recording;

import java.time.LocalDate;
import java.util.Comparator;

/** One row of features_horarias. Sorted as its primary key, so concurrent writers take row locks in the same order. */
public record HourlyKey(long userId, LocalDate day, int hour, String domain) implements Comparable<HourlyKey> {

    private static final Comparator<HourlyKey> ORDER = Comparator.comparingLong(HourlyKey::userId)
            .thenComparing(HourlyKey::day).thenComparing(HourlyKey::domain).thenComparingInt(HourlyKey::hour);

    @Override
    public int compareTo(HourlyKey other) {
        return ORDER.compare(this, other);
    }
}
