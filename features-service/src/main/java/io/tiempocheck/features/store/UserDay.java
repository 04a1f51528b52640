package io.tiempocheck.features.store;

import java.time.LocalDate;
import java.util.Comparator;

/** One user's local day: the unit of closing, QA and rebuilding. Sorted in the tables' key order. */
public record UserDay(long userId, LocalDate day) implements Comparable<UserDay> {

    private static final Comparator<UserDay> ORDER = Comparator.comparingLong(UserDay::userId).thenComparing(UserDay::day);

    @Override
    public int compareTo(UserDay other) {
        return ORDER.compare(this, other);
    }
}
