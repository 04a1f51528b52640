package io.tiempocheck.features.quality;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** The body of GET /admin/api/qa_datos/historial: each check's state and value run after run. */
public record CheckHistory(
        @JsonProperty("desde") Instant from,
        @JsonProperty("hasta") Instant to,
        @JsonProperty("entradas") List<Entry> entries) {

    public record Entry(
            String check,
            @JsonProperty("ejecucion_id") long runId,
            @JsonProperty("momento") Instant at,
            @JsonProperty("estado") CheckState state,
            @JsonProperty("valor") double value) {
    }
}
