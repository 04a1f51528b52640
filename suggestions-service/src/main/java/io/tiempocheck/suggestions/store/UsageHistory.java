package io.tiempocheck.suggestions.store;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A user's daily seconds per category over a range of local days, as the feature store holds them.
 * A day is in {@link #days()} only when it has some use: a day without any row is a day without data
 * (the extension was not running), which is not the same as a day of zero use of one category.
 */
public record UsageHistory(LocalDate from, LocalDate to, NavigableMap<LocalDate, Map<String, Long>> days) {

    public static UsageHistory empty(LocalDate from, LocalDate to) {
        return new UsageHistory(from, to, new TreeMap<>());
    }

    public boolean hasData(LocalDate day) {
        return days.containsKey(day);
    }

    /** Seconds of the category on the day; 0 when the day has no use of it. */
    public long seconds(LocalDate day, String category) {
        Map<String, Long> totals = days.get(day);
        return totals == null ? 0 : totals.getOrDefault(category, 0L);
    }

    /** The days with data between first and last, inclusive, oldest first. */
    public NavigableMap<LocalDate, Map<String, Long>> between(LocalDate first, LocalDate last) {
        return first.isAfter(last) ? new TreeMap<>() : days.subMap(first, true, last, true);
    }

    /** The categories used at least once between first and last, inclusive. */
    public SortedSet<String> categories(LocalDate first, LocalDate last) {
        SortedSet<String> categories = new TreeSet<>();
        between(first, last).values().forEach(totals -> categories.addAll(totals.keySet()));
        return categories;
    }
}
