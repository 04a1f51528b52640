package io.tiempocheck.suggestions.forecast;

import io.tiempocheck.suggestions.store.UsageHistory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A user's daily seconds per category as series: one value per calendar day from the user's first
 * day with data in the history to the last day, every missing day 0.
 */
public final class Dataset {

    private Dataset() {
    }

    /** @return the series by category, all starting on the same day; empty without data */
    public static SortedMap<String, double[]> series(UsageHistory history, LocalDate last) {
        SortedMap<String, double[]> series = new TreeMap<>();
        if (history.days().isEmpty()) {
            return series;
        }
        LocalDate first = history.days().firstKey();
        int length = (int) ChronoUnit.DAYS.between(first, last) + 1;
        for (Map.Entry<LocalDate, Map<String, Long>> day : history.between(first, last).entrySet()) {
            int index = (int) ChronoUnit.DAYS.between(first, day.getKey());
            day.getValue().forEach((category, seconds) -> series.computeIfAbsent(category, c -> new double[length])[index] = seconds);
        }
        return series;
    }
}
