package io.tiempocheck.alerts.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;

/** The original app's two levels: close to the limit, and over it. */
public enum AlertLevel {
    PROXIMIDAD("proximidad"),
    EXCESO("exceso");

    private final String wire;

    AlertLevel(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static AlertLevel fromWire(String value) {
        for (AlertLevel level : values()) {
            if (level.wire.equals(value)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown alert level " + value);
    }
}
