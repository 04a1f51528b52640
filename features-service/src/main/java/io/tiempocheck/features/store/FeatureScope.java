package io.tiempocheck.features.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A block of user-days: the users {@code firstUser..lastUser} and the local days {@code from..to}, all inclusive. */
public record FeatureScope(long firstUser, long lastUser, LocalDate from, LocalDate to) {

    public static FeatureScope ofUser(long userId, LocalDate from, LocalDate to) {
        return new FeatureScope(userId, userId, from, to);
    }

    public static FeatureScope allUsers(LocalDate from, LocalDate to) {
        return new FeatureScope(Long.MIN_VALUE, Long.MAX_VALUE, from, to);
    }

    public boolean coversAllUsers() {
        return firstUser == Long.MIN_VALUE && lastUser == Long.MAX_VALUE;
    }

    /** The day range for consecutive groups of {@code perChunk} of the users (ascending), one scope per group. */
    public static List<FeatureScope> chunks(List<Long> users, int perChunk, LocalDate from, LocalDate to) {
        List<FeatureScope> chunks = new ArrayList<>();
        for (int i = 0; i < users.size(); i += perChunk) {
            List<Long> chunk = users.subList(i, Math.min(users.size(), i + perChunk));
            chunks.add(new FeatureScope(chunk.get(0), chunk.get(chunk.size() - 1), from, to));
        }
        return chunks;
    }

    /** The same users over consecutive windows of at most {@code days} days that together cover {@code from..to}. */
    public List<FeatureScope> windows(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a window holds at least one day, not " + days);
        }
        List<FeatureScope> windows = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(days)) {
            LocalDate end = start.plusDays(days - 1L);
            windows.add(new FeatureScope(firstUser, lastUser, start, end.isAfter(to) ? to : end));
        }
        return windows;
    }

    public static FeatureScope of(UserDay userDay) {
        return ofUser(userDay.userId(), userDay.day(), userDay.day());
    }
}
