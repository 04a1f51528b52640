package io.tiempocheck.features.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.features.health.ConsumerLagProbe.ConsumerLag;
import io.tiempocheck.features.jobs.JobRun;

import java.time.Instant;
import java.util.List;

/** The body of GET /features_health. */
public record FeaturesHealth(
        @JsonProperty("estado") String status,
        @JsonProperty("motivos") List<String> reasons,
        @JsonProperty("scheduler_activo") boolean schedulerRunning,
        @JsonProperty("jobs") List<JobHealth> jobs,
        @JsonProperty("latencia") Freshness freshness,
        @JsonProperty("consumidor") ConsumerLag consumer,
        @JsonProperty("schema_ver") int schemaVersion,
        @JsonProperty("generado_en") Instant generatedAt) {

    public static final String OK = "ok";
    public static final String DEGRADED = "degraded";
    public static final String DOWN = "down";

    public record JobHealth(
            String job,
            @JsonProperty("ultima_ejecucion") JobRun lastRun,
            @JsonProperty("ultima_exitosa") Instant lastSuccess,
            @JsonProperty("proxima_ejecucion") Instant nextRun) {
    }

    /**
     * {@code lag_segundos}: newest event in registro minus newest aggregate (how far the aggregates
     * trail the raw data); {@code recencia_segundos}: how old the freshest aggregate is.
     */
    public record Freshness(
            @JsonProperty("lag_segundos") Long lagSeconds,
            @JsonProperty("recencia_segundos") Long recencySeconds,
            @JsonProperty("ultimo_agregado") Instant newestAggregate) {
    }
}
