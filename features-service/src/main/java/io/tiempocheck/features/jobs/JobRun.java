package io.tiempocheck.features.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;

/** A row of features_jobs_ejecuciones. */
public record JobRun(
        long id,
        String job,
        @JsonProperty("instancia") String instance,
        @JsonProperty("disparo") String trigger,
        @JsonProperty("inicio") Instant start,
        @JsonProperty("fin") Instant end,
        @JsonProperty("estado") String status,
        @JsonProperty("filas") long rows,
        @JsonProperty("dias_reconstruidos") int daysRebuilt,
        @JsonProperty("lag_segundos") Long lagSeconds,
        String error) {

    public static final String RUNNING = "en_curso";
    public static final String OK = "ok";
    public static final String FAILED = "error";

    @JsonProperty("duracion_ms")
    public Long durationMillis() {
        return end == null ? null : Duration.between(start, end).toMillis();
    }
}
