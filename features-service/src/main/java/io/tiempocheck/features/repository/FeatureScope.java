package io.tiempocheck.features.repository;

import java.time.LocalDate;

/** A block of user-days: the users {@code firstUser..lastUser} and the local days {@code from..to}, all inclusive. */
public record FeatureScope(long firstUser, long lastUser, LocalDate from, LocalDate to) {

    public static FeatureScope ofUser(long userId, LocalDate from, LocalDate to) {
        return new FeatureScope(userId, userId, from, to);
    }

    public static FeatureScope allUsers(LocalDate from, LocalDate to) {
        return new FeatureScope(Long.MIN_VALUE, Long.MAX_VALUE, from, to);
    }

    public static FeatureScope of(UserDay userDay) {
        return ofUser(userDay.userId(), userDay.day(), userDay.day());
    }
}
