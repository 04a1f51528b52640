package io.tiempocheck.alerts.evaluation;

import io.tiempocheck.alerts.limits.Limit;

import java.time.LocalDate;

/** A limit whose threshold the day's usage has reached: an alert to raise unless it already was. */
public record Crossing(Limit limit, LocalDate day, AlertLevel level, long usedSeconds) {
}
