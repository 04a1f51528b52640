package io.tiempocheck.features.quality;

/** A check's limits: a value at or above {@code amarillo} is amarillo, at or above {@code rojo} rojo. */
public record Thresholds(double amarillo, double rojo) {

    public CheckState classify(double value) {
        if (value >= rojo) {
            return CheckState.ROJO;
        }
        return value >= amarillo ? CheckState.AMARILLO : CheckState.VERDE;
    }
}
