package io.tiempocheck.features.quality;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThresholdsTest {

    @Test
    void aValueAtAThresholdTakesItsState() {
        Thresholds thresholds = new Thresholds(20, 50);
        assertEquals(CheckState.VERDE, thresholds.classify(19.9));
        assertEquals(CheckState.AMARILLO, thresholds.classify(20));
        assertEquals(CheckState.ROJO, thresholds.classify(50));
        // Equal thresholds: a single step from verde to rojo.
        assertEquals(CheckState.ROJO, new Thresholds(1, 1).classify(1));
    }

    @Test
    void statesReadAsJsonAndGaugeValues() {
        assertEquals("amarillo", CheckState.AMARILLO.json());
        assertEquals(CheckState.ROJO, CheckState.fromJson("rojo"));
        assertEquals(2, CheckState.ROJO.gaugeValue());
        assertEquals(CheckState.ROJO, CheckState.AMARILLO.worst(CheckState.ROJO));
        assertEquals(CheckState.AMARILLO, CheckState.AMARILLO.worst(CheckState.VERDE));
    }
}
