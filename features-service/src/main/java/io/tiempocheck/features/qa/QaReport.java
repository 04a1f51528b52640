package io.tiempocheck.features.qa;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.features.store.DayQa;

import java.time.LocalDate;
import java.util.List;

/** The QA of a range of days: a summary and the user-days it lists (all, or only those with a delta). */
public record QaReport(
        @JsonProperty("desde") LocalDate from,
        @JsonProperty("hasta") LocalDate to,
        @JsonProperty("usuario_id") Long userId,
        @JsonProperty("resumen") Summary summary,
        @JsonProperty("dias") List<DayQa> days) {

    public record Summary(
            @JsonProperty("dias_revisados") long daysChecked,
            @JsonProperty("dias_con_delta") long daysWithDelta,
            @JsonProperty("delta_maximo") long largestDelta,
            @JsonProperty("duracion_ms") long durationMillis) {
    }
}
