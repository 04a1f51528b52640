package io.tiempocheck.features.recording;

import java.time.LocalDate;
import java.util.Comparator;

/** One row of features_diarias. Sorted so concurrent writers take row locks in the same order. */
public record DailyKey(long userId, LocalDate day, String domain) implements Comparable<DailyKey> {

    private static final Comparator<DailyKey> ORDER = Comparator.comparingLong(DailyKey::userId)
            .thenComparing(DailyKey::day).thenComparing(DailyKey::domain);

    @Override
    public int compareTo(DailyKey other) {
        return ORDER.compare(this, other);
    }
}
