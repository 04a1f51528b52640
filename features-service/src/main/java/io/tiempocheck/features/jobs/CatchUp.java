package io.tiempocheck.features.jobs;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.qa.QaService;
import io.tiempocheck.features.rebuild.RebuildService;
import io.tiempocheck.features.store.AggregateDefinition;
import io.tiempocheck.features.store.DayQa;
import io.tiempocheck.features.store.DayStateRepository;
import io.tiempocheck.features.store.FeatureScope;
import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The features_catchup job: over the last N days of every user, finds the days that disagree with
 * registro (a QA delta, events without aggregates after an outage, a hand edit) or that hold rows of
 * an older aggregate definition, rebuilds them, then closes whatever days are due.
 */
@ApplicationScoped
public class CatchUp {

    private final AgroalDataSource dataSource;
    private final QaService qa;
    private final DayStateRepository dayStates;
    private final RebuildService rebuilds;
    private final DailyCloser closer;
    private final AggregateDefinition definition;
    private final FeaturesConfig.Jobs config;

    public CatchUp(AgroalDataSource dataSource, QaService qa, DayStateRepository dayStates, RebuildService rebuilds,
            DailyCloser closer, AggregateDefinition definition, FeaturesConfig config) {
        this.dataSource = dataSource;
        this.qa = qa;
        this.dayStates = dayStates;
        this.rebuilds = rebuilds;
        this.closer = closer;
        this.definition = definition;
        this.config = config.jobs();
    }

    public JobOutcome run(Instant now) throws SQLException {
        // One day of margin on each side covers every zone's local date.
        LocalDate to = now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        LocalDate from = to.minusDays(config.catchupWindowDays() + 1L);
        SortedSet<UserDay> days = new TreeSet<>();
        for (DayQa day : qa.daysWithDelta(FeatureScope.allUsers(from, to))) {
            days.add(day.userDay());
        }
        try (Connection connection = dataSource.getConnection()) {
            days.addAll(dayStates.outdated(connection, from, to, definition.version()));
        }
        JobOutcome rebuilt = days.isEmpty() ? new JobOutcome(0, 0) : JobOutcome.of(rebuilds.rebuildDays(days));
        JobOutcome closed = closer.closeDueDays(now);
        return new JobOutcome(rebuilt.rows() + closed.rows(), rebuilt.days());
    }
}
