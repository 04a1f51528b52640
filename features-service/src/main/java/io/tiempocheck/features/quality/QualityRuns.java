package io.tiempocheck.features.quality;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.tiempocheck.features.jobs.CapabilityJob;
import io.tiempocheck.features.jobs.FeatureJob;
import io.tiempocheck.features.jobs.FeatureJobs;
import io.tiempocheck.features.jobs.JobOutcome;
import io.tiempocheck.features.jobs.JobRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The qa_datos job: evaluates every {@link QualityCheck} bean, stores the run with all its results,
 * and publishes each check's state as the gauge {@code tiempocheck.qa_datos.estado{check}}. It runs
 * under the jobs' cluster-wide lock, so with several replicas each run happens on one of them; every
 * replica refreshes its gauges from the latest stored run, so none keeps alerting on a state another
 * replica has since seen cleared. A transition to or from rojo is logged once, against the previous
 * stored run whichever replica made it.
 */
@ApplicationScoped
public class QualityRuns implements CapabilityJob {

    /** The order in which checks are listed: the issue's, from the data itself to what surrounds it. */
    static final List<String> GROUPS = List.of("qa", "frescura", "pipeline", "entrada", "plausibilidad", "cobertura");

    private static final Logger LOG = Logger.getLogger(QualityRuns.class);
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();
    private static final Comparator<CheckResult> LISTED = Comparator
            .comparingInt((CheckResult result) -> groupRank(result.grupo())).thenComparing(CheckResult::check);

    private final Instance<QualityCheck> checks;
    private final QualityRepository repository;
    private final FeatureJobs jobs;
    private final QualityConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();

    public QualityRuns(@Any Instance<QualityCheck> checks, QualityRepository repository, FeatureJobs jobs, QualityConfig config,
            MeterRegistry registry, Clock clock) {
        this.checks = checks;
        this.repository = repository;
        this.jobs = jobs;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public FeatureJob job() {
        return FeatureJob.QA_DATOS;
    }

    @Override
    public JobOutcome run(String trigger) throws SQLException {
        Instant start = clock.instant();
        Optional<QualityRun> previous = repository.latest();
        List<CheckResult> results = new ArrayList<>();
        for (QualityCheck check : checks) {
            try {
                results.addAll(check.evaluate(start));
            } catch (SQLException | RuntimeException e) {
                LOG.errorf(e, "qa_datos: the check %s could not be evaluated", check.id());
                results.add(new CheckResult(check.id(), check.group(), CheckState.ROJO, 0, "error", new Thresholds(0, 0),
                        "No se pudo evaluar el check: " + e.getMessage() + ". Revise el registro de features-service.",
                        Map.of("error", String.valueOf(e))));
            }
        }
        results.sort(LISTED);
        CheckState worst = results.stream().map(CheckResult::estado).reduce(CheckState.VERDE, CheckState::worst);
        repository.save(INSTANCE, trigger, start, clock.instant(), worst, results);
        logTransitions(previous.map(QualityRun::checks).orElse(List.of()), results);
        publish(results);
        repository.deleteBefore(start.minus(config.retention()));
        return new JobOutcome(results.size(), 0);
    }

    /** Runs the checks now under the job's lock; empty when a run is in progress (here or on another replica). */
    public Optional<QualityRun> runNow() throws SQLException {
        Optional<JobRun> run = jobs.runNow(FeatureJob.QA_DATOS);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        if (JobRun.FAILED.equals(run.get().status())) {
            throw new QualityRunFailed(run.get().error());
        }
        return latest();
    }

    public Optional<QualityRun> latest() throws SQLException {
        return repository.latest().map(run -> new QualityRun(run.id(), run.start(), run.end(), run.durationMillis(), run.trigger(), run.state(),
                run.checks().stream().sorted(LISTED).toList()));
    }

    /** The ids of every check this service evaluates. */
    public Set<String> checkIds() {
        return checks.stream().map(QualityCheck::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Scheduled(identity = "qa_datos_gauges", every = "1m", delayed = "${tiempocheck.features.jobs.first-run-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshGauges() throws SQLException {
        repository.latest().ifPresent(run -> publish(run.checks()));
    }

    private void publish(List<CheckResult> results) {
        for (CheckResult result : results) {
            gauges.computeIfAbsent(result.check(), check -> registry.gauge("tiempocheck.qa_datos.estado",
                    Tags.of("check", check), new AtomicInteger())).set(result.estado().gaugeValue());
        }
    }

    private static void logTransitions(List<CheckResult> before, List<CheckResult> after) {
        Map<String, CheckState> previous = before.stream().collect(Collectors.toMap(CheckResult::check, CheckResult::estado,
                CheckState::worst));
        for (CheckResult result : after) {
            CheckState was = previous.getOrDefault(result.check(), CheckState.VERDE);
            if (result.estado() == CheckState.ROJO && was != CheckState.ROJO) {
                LOG.warnf("qa_datos: %s turned rojo (valor %s %s): %s", result.check(), result.valor(), result.unidad(),
                        result.mensaje());
            } else if (was == CheckState.ROJO && result.estado() != CheckState.ROJO) {
                LOG.infof("qa_datos: %s is %s again (valor %s %s)", result.check(), result.estado().json(), result.valor(),
                        result.unidad());
            }
        }
    }

    private static int groupRank(String group) {
        int rank = GROUPS.indexOf(group);
        return rank < 0 ? GROUPS.size() : rank;
    }
}
