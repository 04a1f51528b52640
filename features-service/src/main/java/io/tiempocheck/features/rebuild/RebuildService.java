package io.tiempocheck.features.rebuild;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.rebuild.RebuildResult.DayChange;
import io.tiempocheck.features.store.AggregateDefinition;
import io.tiempocheck.features.store.DayStateRepository;
import io.tiempocheck.features.store.FeatureScope;
import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Recomputes aggregates from {@code registro}, set-based, one transaction per chunk of users. Each
 * chunk first locks its day rows, which the consumer also takes first, so a rebuild running while
 * events stream in neither loses nor doubles them: the consumer waits for the chunk, or the chunk
 * waits for the consumer's batch and then reads it.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final int MAX_LISTED_CHANGES = 1000;

    private final AgroalDataSource dataSource;
    private final RebuildRepository rebuilds;
    private final DayStateRepository dayStates;
    private final AggregateDefinition definition;
    private final FeaturesConfig.Jobs config;
    private final Counter rebuiltDays;

    public RebuildService(AgroalDataSource dataSource, RebuildRepository rebuilds, DayStateRepository dayStates,
            AggregateDefinition definition, FeaturesConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.rebuilds = rebuilds;
        this.dayStates = dayStates;
        this.definition = definition;
        this.config = config.jobs();
        this.rebuiltDays = registry.counter("tiempocheck.features.rebuilt.days");
    }

    /** Rebuilds one user's days, or every user's when {@code userId} is null. */
    public RebuildResult rebuild(Long userId, LocalDate from, LocalDate to) throws SQLException {
        long started = System.nanoTime();
        List<FeatureScope> chunks = userId != null
                ? List.of(FeatureScope.ofUser(userId, from, to))
                : chunksOfAllUsers(from, to);
        Accumulator total = new Accumulator();
        for (FeatureScope chunk : chunks) {
            total.add(rebuildWithRetries(chunk));
        }
        return total.result(from, to, userId, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Rebuilds the given user-days one transaction each (the jobs' repairs: few, scattered days). */
    public RebuildResult rebuildDays(Collection<UserDay> days) throws SQLException {
        long started = System.nanoTime();
        Accumulator total = new Accumulator();
        for (UserDay day : new TreeSet<>(days)) {
            total.add(rebuildWithRetries(FeatureScope.of(day)));
        }
        LocalDate from = days.stream().map(UserDay::day).min(LocalDate::compareTo).orElse(null);
        LocalDate to = days.stream().map(UserDay::day).max(LocalDate::compareTo).orElse(null);
        return total.result(from, to, null, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private List<FeatureScope> chunksOfAllUsers(LocalDate from, LocalDate to) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return FeatureScope.chunks(rebuilds.users(connection), config.rebuildUsersPerChunk(), from, to);
        }
    }

    private ChunkResult rebuildWithRetries(FeatureScope scope) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().timeout((int) config.rebuildTimeout().toSeconds())
                        .call(() -> rebuildChunk(scope));
            } catch (RuntimeException e) {
                // A deadlock or lock wait with the consumer rolls the chunk back whole; it is safe to run again.
                if (attempt >= MAX_ATTEMPTS || !(rootCause(e) instanceof SQLTransientException)) {
                    throw e;
                }
                LOG.warnf("Rebuild of %s rolled back (attempt %d of %d): %s", scope, attempt, MAX_ATTEMPTS, rootCause(e));
            }
        }
    }

    private ChunkResult rebuildChunk(FeatureScope scope) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            dayStates.lock(connection, scope);
            SortedMap<UserDay, HourlyDaySummary> before = rebuilds.hourlyTotals(connection, scope);
            long dailyRows = rebuilds.rebuild(connection, scope, definition.version());
            SortedMap<UserDay, HourlyDaySummary> after = rebuilds.hourlyTotals(connection, scope);
            long rows = dailyRows + after.values().stream().mapToLong(HourlyDaySummary::rows).sum();
            dayStates.addMissing(connection, scope);
            dayStates.markRebuilt(connection, scope);
            return new ChunkResult(before, after, rows);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record ChunkResult(SortedMap<UserDay, HourlyDaySummary> before, SortedMap<UserDay, HourlyDaySummary> after, long rows) {
    }

    private final class Accumulator {
        private final List<DayChange> changes = new ArrayList<>();
        private int days;
        private int changed;
        private long rows;
        private long secondsBefore;
        private long secondsAfter;

        void add(ChunkResult chunk) {
            var keys = new TreeSet<UserDay>(chunk.before().keySet());
            keys.addAll(chunk.after().keySet());
            for (UserDay key : keys) {
                HourlyDaySummary before = chunk.before().getOrDefault(key, new HourlyDaySummary(0, 0));
                HourlyDaySummary after = chunk.after().getOrDefault(key, new HourlyDaySummary(0, 0));
                days++;
                secondsBefore += before.seconds();
                secondsAfter += after.seconds();
                if (!before.equals(after)) {
                    changed++;
                    if (changes.size() < MAX_LISTED_CHANGES) {
                        changes.add(new DayChange(key.userId(), key.day(), before.seconds(), after.seconds(),
                                before.rows(), after.rows()));
                    }
                }
            }
            rows += chunk.rows();
            rebuiltDays.increment(keys.size());
        }

        RebuildResult result(LocalDate from, LocalDate to, Long userId, long millis) {
            return new RebuildResult(from, to, userId, days, changed, rows, secondsBefore, secondsAfter, millis, changes);
        }
    }
}
