package io.tiempocheck.features.rebuild;

/** Seconds and row count of one user-day in features_horarias. */
public record HourlyDaySummary(long seconds, long rows) {
}
