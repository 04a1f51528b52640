package io.tiempocheck.features.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Runs a job under its cluster-wide lock and records the run, whatever its outcome. */
@ApplicationScoped
public class JobRunner {

    public static final String SCHEDULED = "programado";
    public static final String AT_STARTUP = "arranque";
    public static final String MANUAL = "manual";

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    // host and pid, e.g. 12345@features-7d9f: tells the replicas apart in the run records.
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JobLock lock;
    private final JobRunRepository runs;
    private final MeterRegistry registry;
    private final Clock clock;

    public JobRunner(JobLock lock, JobRunRepository runs, MeterRegistry registry, Clock clock) {
        this.lock = lock;
        this.runs = runs;
        this.registry = registry;
        this.clock = clock;
    }

    /** @return the recorded run, or empty when another run of the job holds the lock */
    public Optional<JobRun> run(FeatureJob job, String trigger, JobWork work) throws SQLException {
        Optional<JobLock.Held> held = lock.tryAcquire(job);
        if (held.isEmpty()) {
            registry.counter("tiempocheck.features.job.skipped", "job", job.id()).increment();
            LOG.debugf("%s is running elsewhere; this tick is skipped", job.id());
            return Optional.empty();
        }
        try (JobLock.Held ignored = held.get()) {
            Instant start = clock.instant();
            long id = runs.start(job.id(), INSTANCE, trigger, start);
            String status = JobRun.OK;
            String error = null;
            JobOutcome outcome = new JobOutcome(0, 0);
            try {
                outcome = work.run();
            } catch (SQLException | RuntimeException e) {
                status = JobRun.FAILED;
                error = e.toString();
                LOG.errorf(e, "%s failed", job.id());
            }
            Instant end = clock.instant();
            runs.finish(id, end, status, outcome.rows(), outcome.days(), runs.aggregateLagSeconds(), error);
            Timer.builder("tiempocheck.features.job.duration").tag("job", job.id()).tag("estado", status)
                    .register(registry).record(Duration.between(start, end));
            return runs.last(job.id()).filter(run -> run.id() == id);
        }
    }
}
