package io.tiempocheck.features.store;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;

/**
 * The consistency of one user-day: its seconds as the hourly rows, the daily rows and
 * {@code registro} count them, and the deltas between them, summed as absolute differences per
 * domain (and per hour for hours against registro) so that errors never cancel out.
 */
public record DayQa(
        @JsonProperty("usuario_id") long userId,
        @JsonProperty("dia") LocalDate day,
        @JsonProperty("segundos_horas") long hoursSeconds,
        @JsonProperty("segundos_dia") long daySeconds,
        @JsonProperty("segundos_registro") long registroSeconds,
        @JsonProperty("delta_horas_dia") long hoursVsDay,
        @JsonProperty("delta_dia_registro") long dayVsRegistro,
        @JsonProperty("delta_horas_registro") long hoursVsRegistro) {

    public boolean hasDelta() {
        return hoursVsDay != 0 || dayVsRegistro != 0 || hoursVsRegistro != 0;
    }

    public long largestDelta() {
        return Math.max(hoursVsDay, Math.max(dayVsRegistro, hoursVsRegistro));
    }

    public UserDay userDay() {
        return new UserDay(userId, day);
    }
}
