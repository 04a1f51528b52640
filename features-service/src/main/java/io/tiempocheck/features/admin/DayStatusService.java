package io.tiempocheck.features.admin;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.qa.QaRepository;
import io.tiempocheck.features.store.DayQa;
import io.tiempocheck.features.store.DayState;
import io.tiempocheck.features.store.DayStateRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DayStatusService {

    private final AgroalDataSource dataSource;
    private final DayStateRepository dayStates;
    private final QaRepository qa;

    public DayStatusService(AgroalDataSource dataSource, DayStateRepository dayStates, QaRepository qa) {
        this.dataSource = dataSource;
        this.dayStates = dayStates;
        this.qa = qa;
    }

    /** The day's state, or empty when the user has nothing on that day. */
    public Optional<DayStatus> status(long userId, LocalDate day) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<DayState> state = dayStates.find(connection, userId, day);
            long events = dayStates.eventsOn(connection, userId, day);
            long trimmed = dayStates.trimmedOn(connection, userId, day);
            List<DayQa> found = qa.check(connection, List.of(userId), day, day);
            if (state.isEmpty() && events == 0 && found.isEmpty()) {
                return Optional.empty();
            }
            DayQa current = found.isEmpty() ? new DayQa(userId, day, 0, 0, 0, 0, 0, 0) : found.get(0);
            return Optional.of(state
                    .map(s -> new DayStatus(userId, day, s.zone(), events, current.hoursSeconds(), trimmed, s.closed(), s.closedAt(),
                            s.updatedAt(), s.rebuiltAt(),
                            new DayStatus.RecordedQa(s.checkedAt(), s.hoursVsDay(), s.dayVsRegistro(), s.hoursVsRegistro()),
                            current))
                    .orElseGet(() -> new DayStatus(userId, day, null, events, current.hoursSeconds(), trimmed, false, null, null, null,
                            null, current)));
        }
    }
}
