package io.tiempocheck.features.quality;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** One qa_datos run as stored: when, why, its worst state and every check's result. */
public record QualityRun(
        @JsonProperty("ejecucion_id") long id,
        @JsonProperty("inicio") Instant start,
        @JsonProperty("fin") Instant end,
        @JsonProperty("duracion_ms") long durationMillis,
        @JsonProperty("disparo") String trigger,
        @JsonProperty("estado") CheckState state,
        @JsonProperty("checks") List<CheckResult> checks) {
}
