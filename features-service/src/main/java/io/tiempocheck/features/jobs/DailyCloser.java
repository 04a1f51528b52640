package io.tiempocheck.features.jobs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.qa.QaRepository;
import io.tiempocheck.features.rebuild.RebuildRepository;
import io.tiempocheck.features.store.AggregateDefinition;
import io.tiempocheck.features.store.DayQa;
import io.tiempocheck.features.store.DayStateRepository;
import io.tiempocheck.features.store.FeatureScope;
import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedSet;

/**
 * The features_diarias job: closes each user-day once it is over in the user's zone (00:05 local by
 * default). The close records the day's QA as found, then recomputes the daily rows from the hours.
 * A day that gets late events after its close is open again and is closed again on the next run.
 */
@ApplicationScoped
public class DailyCloser {

    private static final Logger LOG = Logger.getLogger(DailyCloser.class);

    private final AgroalDataSource dataSource;
    private final DayStateRepository dayStates;
    private final QaRepository qa;
    private final RebuildRepository rebuilds;
    private final AggregateDefinition definition;
    private final FeaturesConfig.Jobs config;

    public DailyCloser(AgroalDataSource dataSource, DayStateRepository dayStates, QaRepository qa, RebuildRepository rebuilds,
            AggregateDefinition definition, FeaturesConfig config) {
        this.dataSource = dataSource;
        this.dayStates = dayStates;
        this.qa = qa;
        this.rebuilds = rebuilds;
        this.definition = definition;
        this.config = config.jobs();
    }

    public JobOutcome closeDueDays(Instant now) throws SQLException {
        JobOutcome outcome = new JobOutcome(0, 0);
        List<String> zones;
        try (Connection connection = dataSource.getConnection()) {
            zones = dayStates.zonesWithOpenDays(connection);
        }
        for (String zone : zones) {
            LocalDate firstOpenDay;
            try {
                firstOpenDay = now.minus(config.dailyCloseAfter()).atZone(ZoneId.of(zone)).toLocalDate();
            } catch (DateTimeException e) {
                LOG.errorf("Days in zone '%s' cannot be closed: not a time zone this JVM knows", zone);
                continue;
            }
            SortedSet<UserDay> due;
            try (Connection connection = dataSource.getConnection()) {
                due = dayStates.openDays(connection, zone, firstOpenDay);
            }
            for (UserDay day : due) {
                long rows = QuarkusTransaction.requiringNew().call(() -> close(day));
                outcome = outcome.plus(new JobOutcome(rows, 1));
            }
        }
        return outcome;
    }

    private long close(UserDay day) throws SQLException {
        FeatureScope scope = FeatureScope.of(day);
        try (Connection connection = dataSource.getConnection()) {
            dayStates.lock(connection, scope);
            List<DayQa> found = qa.check(connection, List.of(day.userId()), day.day(), day.day());
            DayQa dayQa = found.isEmpty() ? new DayQa(day.userId(), day.day(), 0, 0, 0, 0, 0, 0) : found.get(0);
            long rows = rebuilds.rebuildDaily(connection, scope, definition.version());
            dayStates.markClosed(connection, dayQa);
            return rows;
        }
    }
}
