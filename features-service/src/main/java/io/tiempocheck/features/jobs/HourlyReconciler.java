package io.tiempocheck.features.jobs;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.qa.QaService;
import io.tiempocheck.features.rebuild.RebuildService;
import io.tiempocheck.features.store.DayQa;
import io.tiempocheck.features.store.DayStateRepository;
import io.tiempocheck.features.store.FeatureScope;
import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The features_horarias job: every day that received events since a point in time is compared hour
 * by hour with registro, and the days that disagree are rebuilt. The streaming path normally leaves
 * nothing to do; this is the net under it (late events, a bug, a hand edit).
 */
@ApplicationScoped
public class HourlyReconciler {

    private final AgroalDataSource dataSource;
    private final DayStateRepository dayStates;
    private final QaService qa;
    private final RebuildService rebuilds;

    public HourlyReconciler(AgroalDataSource dataSource, DayStateRepository dayStates, QaService qa, RebuildService rebuilds) {
        this.dataSource = dataSource;
        this.dayStates = dayStates;
        this.qa = qa;
        this.rebuilds = rebuilds;
    }

    public JobOutcome reconcileSince(Instant since) throws SQLException {
        SortedSet<UserDay> touched;
        try (Connection connection = dataSource.getConnection()) {
            touched = dayStates.updatedSince(connection, since);
        }
        Map<Long, List<LocalDate>> daysByUser = touched.stream()
                .collect(Collectors.groupingBy(UserDay::userId, Collectors.mapping(UserDay::day, Collectors.toList())));
        SortedSet<UserDay> wrong = new TreeSet<>();
        for (var user : daysByUser.entrySet()) {
            List<LocalDate> days = user.getValue();
            FeatureScope scope = FeatureScope.ofUser(user.getKey(), days.get(0), days.get(days.size() - 1));
            for (DayQa day : qa.daysWithDelta(scope)) {
                if (touched.contains(day.userDay())) {
                    wrong.add(day.userDay());
                }
            }
        }
        return wrong.isEmpty() ? new JobOutcome(0, 0) : JobOutcome.of(rebuilds.rebuildDays(wrong));
    }
}
