package io.tiempocheck.features.jobs;

import io.quarkus.scheduler.Scheduled;
import io.tiempocheck.features.config.FeaturesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduled jobs. Each tick tries the job's cluster-wide lock and skips when another
 * replica holds it. The scheduler does not replay ticks missed while the service was down: the
 * first tick after a start runs once (trigger {@code arranque}), and the hourly job's lookback
 * then reaches back to its last successful run, so the missed work is done once.
 */
@ApplicationScoped
public class FeatureJobs {

    private final JobRunner runner;
    private final JobRunRepository runs;
    private final HourlyReconciler hourly;
    private final DailyCloser daily;
    private final CatchUp catchUp;
    private final FeaturesConfig.Jobs config;
    private final Clock clock;
    private final Instance<CapabilityJob> capabilityJobs;
    private final Set<FeatureJob> ranSinceStart = EnumSet.noneOf(FeatureJob.class);

    public FeatureJobs(JobRunner runner, JobRunRepository runs, HourlyReconciler hourly, DailyCloser daily, CatchUp catchUp,
            FeaturesConfig config, Clock clock, @Any Instance<CapabilityJob> capabilityJobs) {
        this.runner = runner;
        this.runs = runs;
        this.hourly = hourly;
        this.daily = daily;
        this.catchUp = catchUp;
        this.config = config.jobs();
        this.clock = clock;
        this.capabilityJobs = capabilityJobs;
    }

    @Scheduled(identity = "features_horarias", every = "${tiempocheck.features.jobs.hourly-every}", delayed = "${tiempocheck.features.jobs.first-run-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourlyTick() throws SQLException {
        runner.run(FeatureJob.HOURLY, trigger(FeatureJob.HOURLY), this::reconcileRecentDays);
    }

    @Scheduled(identity = "features_diarias", every = "${tiempocheck.features.jobs.daily-every}", delayed = "${tiempocheck.features.jobs.first-run-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dailyTick() throws SQLException {
        runner.run(FeatureJob.DAILY, trigger(FeatureJob.DAILY), () -> daily.closeDueDays(clock.instant()));
    }

    @Scheduled(identity = "features_catchup", every = "${tiempocheck.features.jobs.catchup-every}", delayed = "${tiempocheck.features.jobs.first-run-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUpTick() throws SQLException {
        runner.run(FeatureJob.CATCHUP, trigger(FeatureJob.CATCHUP), () -> catchUp.run(clock.instant()));
    }

    @Scheduled(identity = "qa_datos", every = "${tiempocheck.features.quality.every:5m}", delayed = "${tiempocheck.features.jobs.first-run-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void qualityTick() throws SQLException {
        String trigger = trigger(FeatureJob.QA_DATOS);
        runner.run(FeatureJob.QA_DATOS, trigger, () -> capabilityJob(FeatureJob.QA_DATOS).run(trigger));
    }

    /** Runs a job now, for an operator; empty when a run of it is already in progress somewhere. */
    public Optional<JobRun> runNow(FeatureJob job) throws SQLException {
        JobWork work = switch (job) {
            case HOURLY -> this::reconcileRecentDays;
            case DAILY -> () -> daily.closeDueDays(clock.instant());
            case CATCHUP -> () -> catchUp.run(clock.instant());
            case QA_DATOS -> () -> capabilityJob(job).run(JobRunner.MANUAL);
        };
        return runner.run(job, JobRunner.MANUAL, work);
    }

    private CapabilityJob capabilityJob(FeatureJob job) {
        return capabilityJobs.stream().filter(candidate -> candidate.job() == job).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bean does the work of " + job.id()));
    }

    private JobOutcome reconcileRecentDays() throws SQLException {
        Instant now = clock.instant();
        // From the lookback before the last successful run: after downtime that covers everything missed.
        Instant since = runs.lastSuccessful(FeatureJob.HOURLY.id()).map(JobRun::start).orElse(now)
                .minus(config.hourlyLookback());
        Instant floor = now.minus(config.hourlyMaxLookback());
        return hourly.reconcileSince(since.isBefore(floor) ? floor : since);
    }

    private synchronized String trigger(FeatureJob job) {
        return ranSinceStart.add(job) ? JobRunner.AT_STARTUP : JobRunner.SCHEDULED;
    }
}
