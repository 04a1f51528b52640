package io.tiempocheck.features.health;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.health.ConsumerLagProbe.ConsumerLag;
import io.tiempocheck.features.health.FeaturesHealth.Freshness;
import io.tiempocheck.features.health.FeaturesHealth.JobHealth;
import io.tiempocheck.features.jobs.FeatureJob;
import io.tiempocheck.features.jobs.JobRun;
import io.tiempocheck.features.jobs.JobRunRepository;
import io.tiempocheck.features.store.AggregateDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds /features_health: {@code down} when the service cannot keep the feature store (database or
 * scheduler gone), {@code degraded} when it works but something needs a look (a failed run, the
 * consumer or the aggregates lagging, the broker unreachable), {@code ok} otherwise.
 */
@ApplicationScoped
public class FeaturesHealthService {

    private final Scheduler scheduler;
    private final JobRunRepository runs;
    private final ConsumerLagProbe consumerLag;
    private final AggregateDefinition definition;
    private final FeaturesConfig.Health config;
    private final Clock clock;

    public FeaturesHealthService(Scheduler scheduler, JobRunRepository runs, ConsumerLagProbe consumerLag,
            AggregateDefinition definition, FeaturesConfig config, Clock clock) {
        this.scheduler = scheduler;
        this.runs = runs;
        this.consumerLag = consumerLag;
        this.definition = definition;
        this.config = config.health();
        this.clock = clock;
    }

    /** @param withConsumerLag ask the broker for the consumer's lag too (the readiness probe does not: Kafka has its own check) */
    public FeaturesHealth report(boolean withConsumerLag) {
        Instant now = clock.instant();
        List<String> down = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        boolean schedulerRunning = scheduler.isRunning();
        if (!schedulerRunning) {
            down.add("scheduler detenido: los jobs no corren");
        }
        List<JobHealth> jobs = new ArrayList<>();
        Freshness freshness = new Freshness(null, null, null);
        try {
            for (FeatureJob job : FeatureJob.values()) {
                Optional<JobRun> last = runs.last(job.id());
                Instant lastSuccess = runs.lastSuccessful(job.id()).map(JobRun::start).orElse(null);
                last.filter(run -> JobRun.FAILED.equals(run.status()))
                        .ifPresent(run -> degraded.add(job.id() + ": la última ejecución falló: " + run.error()));
                jobs.add(new JobHealth(job.id(), last.orElse(null), lastSuccess, nextRun(job)));
            }
            Long lag = runs.aggregateLagSeconds();
            Instant newest = runs.newestAggregate().orElse(null);
            freshness = new Freshness(lag, newest == null ? null : Duration.between(newest, now).toSeconds(), newest);
            if (lag != null && lag > config.maxAggregateLag().toSeconds()) {
                degraded.add("los agregados van " + lag + " s detrás de registro");
            }
        } catch (SQLException | RuntimeException e) {
            down.add("base de datos inaccesible: " + e.getMessage());
        }
        ConsumerLag consumer = withConsumerLag ? consumerLag.measure() : null;
        if (consumer != null && consumer.error() != null) {
            degraded.add("lag del consumidor desconocido: " + consumer.error());
        } else if (consumer != null && consumer.total() > config.maxConsumerLag()) {
            degraded.add("el consumidor va " + consumer.total() + " eventos detrás");
        }
        String status = !down.isEmpty() ? FeaturesHealth.DOWN : !degraded.isEmpty() ? FeaturesHealth.DEGRADED : FeaturesHealth.OK;
        List<String> reasons = new ArrayList<>(down);
        reasons.addAll(degraded);
        int version = down.isEmpty() ? definition.version() : 0;
        return new FeaturesHealth(status, reasons, schedulerRunning, jobs, freshness, consumer, version, now);
    }

    private Instant nextRun(FeatureJob job) {
        Trigger trigger = scheduler.getScheduledJob(job.id());
        return trigger == null ? null : trigger.getNextFireTime();
    }
}
