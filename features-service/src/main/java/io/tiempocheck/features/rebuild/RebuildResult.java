package io.tiempocheck.features.rebuild;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;

/** What a rebuild changed: the days whose hourly rows differ from before, and the totals. */
public record RebuildResult(
        @JsonProperty("desde") LocalDate from,
        @JsonProperty("hasta") LocalDate to,
        @JsonProperty("usuario_id") Long userId,
        @JsonProperty("dias_reconstruidos") int daysRebuilt,
        @JsonProperty("dias_cambiados") int daysChanged,
        @JsonProperty("filas_escritas") long rowsWritten,
        @JsonProperty("segundos_antes") long secondsBefore,
        @JsonProperty("segundos_despues") long secondsAfter,
        @JsonProperty("duracion_ms") long durationMillis,
        @JsonProperty("cambios") List<DayChange> changes) {

    /** One user-day whose hourly rows changed. */
    public record DayChange(
            @JsonProperty("usuario_id") long userId,
            @JsonProperty("dia") LocalDate day,
            @JsonProperty("segundos_antes") long secondsBefore,
            @JsonProperty("segundos_despues") long secondsAfter,
            @JsonProperty("filas_antes") long rowsBefore,
            @JsonProperty("filas_despues") long rowsAfter) {
    }
}
