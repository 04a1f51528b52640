package io.tiempocheck.alerts.evaluation;

/** A CDI event: this alert has just been stored (committed), so whoever reads the table finds it. */
public record AlertRaised(Alert alert) {
}
