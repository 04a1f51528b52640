package io.tiempocheck.features.quality;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * A check's traffic light. The ordinal is the gauge value (0, 1, 2) and the order of severity, so
 * the worst of several states is the one with the highest ordinal.
 */
public enum CheckState {
    VERDE, AMARILLO, ROJO;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int gaugeValue() {
        return ordinal();
    }

    public CheckState worst(CheckState other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public static CheckState fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
