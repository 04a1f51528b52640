package io.tiempocheck.features.quality;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.jdbc.UtcColumns;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.jobs.FeatureJob;
import io.tiempocheck.features.jobs.JobRun;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed and missed runs of the feature store's jobs in the last 24 h, from features_jobs_ejecuciones.
 * A run is missed when the gap between two runs (or since the last one) holds a whole interval of the
 * job's schedule without a run. The window starts no earlier than this replica's first tick: this
 * replica cannot tell a job missed while no replica ran from one it never knew about.
 */
@ApplicationScoped
public class FailedJobsCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(1, 3);
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Instant STARTED = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    private final AgroalDataSource dataSource;
    private final QualityConfig config;
    private final Map<FeatureJob, Optional<Duration>> intervals = new EnumMap<>(FeatureJob.class);
    private final Optional<Duration> firstRunDelay;

    public FailedJobsCheck(AgroalDataSource dataSource, QualityConfig config, FeaturesConfig features) {
        this.dataSource = dataSource;
        this.config = config;
        FeaturesConfig.Jobs jobs = features.jobs();
        intervals.put(FeatureJob.HOURLY, every(jobs.hourlyEvery()));
        intervals.put(FeatureJob.DAILY, every(jobs.dailyEvery()));
        intervals.put(FeatureJob.CATCHUP, every(jobs.catchupEvery()));
        intervals.put(FeatureJob.QA_DATOS, every(config.every()));
        this.firstRunDelay = every(jobs.firstRunDelay());
    }

    @Override
    public String id() {
        return "jobs_fallidos";
    }

    @Override
    public String group() {
        return "pipeline";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        Instant since = now.minus(WINDOW);
        Map<String, List<Instant>> starts = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        Map<String, String> lastError = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT job, inicio, estado, error"
                     + " FROM features_jobs_ejecuciones WHERE inicio >= ? ORDER BY job, inicio")) {
            statement.setObject(1, UtcColumns.utc(since));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String job = rows.getString(1);
                    starts.computeIfAbsent(job, key -> new ArrayList<>()).add(UtcColumns.instant(rows, 2));
                    if (JobRun.FAILED.equals(rows.getString(3))) {
                        failed.merge(job, 1, Integer::sum);
                        lastError.put(job, rows.getString(4));
                    }
                }
            }
        }
        Instant firstTick = STARTED.plus(firstRunDelay.orElse(Duration.ZERO));
        Instant windowStart = firstTick.isAfter(since) ? firstTick : since;
        Map<String, Object> byJob = new LinkedHashMap<>();
        long failures = 0;
        long missed = 0;
        for (FeatureJob job : FeatureJob.values()) {
            int jobFailures = failed.getOrDefault(job.id(), 0);
            long jobMissed = intervals.get(job).map(interval -> missed(starts.getOrDefault(job.id(), List.of()),
                    windowStart, now, interval)).orElse(0L);
            failures += jobFailures;
            missed += jobMissed;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("ejecuciones", starts.getOrDefault(job.id(), List.of()).size());
            entry.put("fallidas", jobFailures);
            entry.put("perdidas", jobMissed);
            if (lastError.containsKey(job.id())) {
                entry.put("ultimo_error", lastError.get(job.id()));
            }
            byJob.put(job.id(), entry);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("fallidas", failures);
        detail.put("perdidas", missed);
        detail.put("por_job", byJob);
        String worst = byJob.entrySet().stream()
                .filter(job -> ((Number) ((Map<?, ?>) job.getValue()).get("fallidas")).intValue() > 0
                        || ((Number) ((Map<?, ?>) job.getValue()).get("perdidas")).longValue() > 0)
                .map(Map.Entry::getKey).reduce((a, b) -> a + ", " + b).orElse("");
        return List.of(Verdicts.judge(this, config.thresholds(id(), DEFAULTS), failures + missed, "ejecuciones",
                "Todos los jobs corrieron a su hora y sin errores en las últimas 24 h.",
                failures + " ejecuciones fallidas y " + missed + " perdidas en las últimas 24 h (" + worst + "). Vea el error"
                        + " en /features_health y, resuelto, ejecute el job con POST /admin/api/features_jobs/{job}.",
                detail));
    }

    /** Whole intervals without a run between the window's start, each run and now. */
    static long missed(List<Instant> starts, Instant windowStart, Instant now, Duration interval) {
        if (!windowStart.isBefore(now)) {
            return 0;
        }
        long missed = 0;
        Instant previous = windowStart;
        List<Instant> points = new ArrayList<>(starts.stream().filter(start -> start.isAfter(windowStart)).toList());
        points.add(now);
        for (Instant point : points) {
            missed += Math.max(0, Duration.between(previous, point).toMillis() / interval.toMillis() - 1);
            previous = point;
        }
        return missed;
    }

    /** A Quarkus scheduler period (5m, 1h, 30s, PT10M, 90 for seconds); empty for "off" or anything not a period. */
    static Optional<Duration> every(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Optional.of(Duration.parse(text.toUpperCase(Locale.ROOT))).filter(d -> !d.isZero() && !d.isNegative());
            }
            if (text.matches("\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text))).filter(d -> !d.isZero());
            }
            if (text.matches("\\d+d")) {
                return Optional.of(Duration.parse("P" + text.toUpperCase(Locale.ROOT))).filter(d -> !d.isZero());
            }
            if (text.matches("\\d+(ms|s|m|h)")) {
                return Optional.of(text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                        : Duration.parse("PT" + text.toUpperCase(Locale.ROOT))).filter(d -> !d.isZero());
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
