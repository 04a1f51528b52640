package io.tiempocheck.features.service;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.repository.DayQa;
import io.tiempocheck.features.repository.FeatureScope;
import io.tiempocheck.features.repository.QaRepository;
import io.tiempocheck.features.repository.RebuildRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Checks the invariant: per user-day, hours summed = day = a recomputation from registro. */
@ApplicationScoped
public class QaService {

    private static final int SINGLE_QUERY_DAYS = 7;

    private final AgroalDataSource dataSource;
    private final QaRepository qa;
    private final RebuildRepository rebuilds;
    private final int usersPerChunk;
    private final AtomicLong lastDaysWithDelta = new AtomicLong();
    private final AtomicLong lastLargestDelta = new AtomicLong();

    public QaService(AgroalDataSource dataSource, QaRepository qa, RebuildRepository rebuilds, FeaturesConfig config,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.qa = qa;
        this.rebuilds = rebuilds;
        this.usersPerChunk = config.jobs().rebuildUsersPerChunk();
        registry.gauge("tiempocheck.features.qa.days.with.delta", lastDaysWithDelta);
        registry.gauge("tiempocheck.features.qa.largest.delta.seconds", lastLargestDelta);
    }

    public QaReport report(Long userId, LocalDate from, LocalDate to, boolean onlyDeltas) throws SQLException {
        long started = System.nanoTime();
        List<DayQa> listed = new ArrayList<>();
        long[] counts = new long[3];
        check(scope(userId, from, to), day -> {
            counts[0]++;
            if (day.hasDelta()) {
                counts[1]++;
                counts[2] = Math.max(counts[2], day.largestDelta());
            }
            if (!onlyDeltas || day.hasDelta()) {
                listed.add(day);
            }
        });
        if (userId == null) {
            publish(counts[1], counts[2]);
        }
        var summary = new QaReport.Summary(counts[0], counts[1], counts[2],
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new QaReport(from, to, userId, summary, listed);
    }

    public List<DayQa> daysWithDelta(FeatureScope scope) throws SQLException {
        List<DayQa> days = new ArrayList<>();
        check(scope, day -> {
            if (day.hasDelta()) {
                days.add(day);
            }
        });
        if (scope.coversAllUsers()) {
            publish(days.size(), days.stream().mapToLong(DayQa::largestDelta).max().orElse(0));
        }
        return days;
    }

    /** The gauges show what the last check over every user found (the catch-up job's, usually). */
    private void publish(long daysWithDelta, long largestDelta) {
        lastDaysWithDelta.set(daysWithDelta);
        lastLargestDelta.set(largestDelta);
    }

    /**
     * A few days of every user are checked in one query (through the day indexes); longer ranges of
     * every user go in groups of users, each a range of the primary keys small enough to group in memory.
     */
    public void check(FeatureScope scope, Consumer<DayQa> sink) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!scope.coversAllUsers() || ChronoUnit.DAYS.between(scope.from(), scope.to()) < SINGLE_QUERY_DAYS) {
                qa.check(connection, scope, sink);
                return;
            }
            for (FeatureScope chunk : FeatureScope.chunks(rebuilds.users(connection), usersPerChunk, scope.from(), scope.to())) {
                qa.check(connection, chunk, sink);
            }
        }
    }

    private static FeatureScope scope(Long userId, LocalDate from, LocalDate to) {
        return userId == null ? FeatureScope.allUsers(from, to) : FeatureScope.ofUser(userId, from, to);
    }
}
