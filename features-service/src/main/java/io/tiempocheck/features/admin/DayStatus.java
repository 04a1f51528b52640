package io.tiempocheck.features.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.features.store.DayQa;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The body of GET /admin/api/features_estado: one user-day's state and its QA as of now, and the seconds
 * of its events that were not counted because their device had counted that time already.
 */
public record DayStatus(
        @JsonProperty("usuario_id") long userId,
        @JsonProperty("dia") LocalDate day,
        @JsonProperty("tz") String zone,
        @JsonProperty("eventos") long events,
        @JsonProperty("segundos") long seconds,
        @JsonProperty("segundos_recortados") long trimmedSeconds,
        @JsonProperty("cerrado") boolean closed,
        @JsonProperty("cerrado_en") Instant closedAt,
        @JsonProperty("actualizado_en") Instant updatedAt,
        @JsonProperty("reconstruido_en") Instant rebuiltAt,
        @JsonProperty("qa_registrada") RecordedQa recordedQa,
        @JsonProperty("qa_actual") DayQa currentQa) {

    /** The deltas the last close or rebuild recorded. */
    public record RecordedQa(
            @JsonProperty("en") Instant at,
            @JsonProperty("delta_horas_dia") long hoursVsDay,
            @JsonProperty("delta_dia_registro") long dayVsRegistro,
            @JsonProperty("delta_horas_registro") long hoursVsRegistro) {
    }
}
