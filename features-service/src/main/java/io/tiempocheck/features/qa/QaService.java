package io.tiempocheck.features.qa;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.rebuild.RebuildRepository;
import io.tiempocheck.features.store.DayQa;
import io.tiempocheck.features.store.FeatureScope;
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

    private static final int FEW_DAYS = 7;

    private final AgroalDataSource dataSource;
    private final QaRepository qa;
    private final RebuildRepository rebuilds;
    private final int userDaysPerRead;
    private final int timeoutSeconds;
    private final AtomicLong lastDaysWithDelta = new AtomicLong();
    private final AtomicLong lastLargestDelta = new AtomicLong();

    public QaService(AgroalDataSource dataSource, QaRepository qa, RebuildRepository rebuilds, FeaturesConfig config,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.qa = qa;
        this.rebuilds = rebuilds;
        this.userDaysPerRead = config.jobs().qaUserDaysPerRead();
        this.timeoutSeconds = (int) config.jobs().rebuildTimeout().toSeconds();
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
     * Checks the scope in blocks of at most {@code qa-user-days-per-read} user-days, each read in a
     * transaction of its own so that its three tables are seen at one instant even while events stream in.
     */
    public void check(FeatureScope scope, Consumer<DayQa> sink) throws SQLException {
        for (QaBlock block : QaBlock.split(users(scope), scope.from(), scope.to(), userDaysPerRead)) {
            QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    qa.check(connection, block.users(), block.from(), block.to(), sink);
                }
                return null;
            });
        }
    }

    /** A few days of every user: the users seen on those days, through the day indexes; longer ranges: every user. */
    private List<Long> users(FeatureScope scope) throws SQLException {
        if (!scope.coversAllUsers()) {
            return List.of(scope.firstUser());
        }
        try (Connection connection = dataSource.getConnection()) {
            return ChronoUnit.DAYS.between(scope.from(), scope.to()) < FEW_DAYS
                    ? qa.usersOn(connection, scope.from(), scope.to())
                    : rebuilds.users(connection);
        }
    }

    private static FeatureScope scope(Long userId, LocalDate from, LocalDate to) {
        return userId == null ? FeatureScope.allUsers(from, to) : FeatureScope.ofUser(userId, from, to);
    }
}
