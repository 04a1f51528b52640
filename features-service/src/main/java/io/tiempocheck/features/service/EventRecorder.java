package io.tiempocheck.features.service;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.repository.AggregateRepository;
import io.tiempocheck.features.repository.CategoryRepository;
import io.tiempocheck.features.repository.DailyKey;
import io.tiempocheck.features.repository.DayStateRepository;
import io.tiempocheck.features.repository.DayTotalsRepository;
import io.tiempocheck.features.repository.HourlyKey;
import io.tiempocheck.features.repository.RegistroRepository;
import io.tiempocheck.features.repository.UserDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes one consumer batch in one transaction: the events new to {@code registro}, and their
 * seconds split by local hour into the aggregates, and the state rows of the days they touch.
 * Either all of it commits or none of it, whatever the failure (checked SQL exceptions included). Last, still in the transaction (so under the day-state
 * locks that rebuilds also take), it reads the touched days' totals for the feature updates.
 */
@ApplicationScoped
public class EventRecorder {

    private final AgroalDataSource dataSource;
    private final RegistroRepository registro;
    private final CategoryRepository categories;
    private final AggregateRepository aggregates;
    private final DayStateRepository dayStates;
    private final DayTotalsRepository dayTotals;

    public EventRecorder(AgroalDataSource dataSource, RegistroRepository registro, CategoryRepository categories,
            AggregateRepository aggregates, DayStateRepository dayStates, DayTotalsRepository dayTotals) {
        this.dataSource = dataSource;
        this.dayStates = dayStates;
        this.dayTotals = dayTotals;
        this.registro = registro;
        this.categories = categories;
        this.aggregates = aggregates;
    }

    // rollbackOn: by default a checked exception (any SQLException) would commit what was written before it.
    @Transactional(rollbackOn = Exception.class)
    public RecordedBatch record(List<UsageEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return RecordedBatch.EMPTY;
        }
        List<HourSlots> slots = new ArrayList<>(events.size());
        // By identity: insertNew hands back the very event objects it was given.
        Map<UsageEvent, HourSlots> slotOf = new IdentityHashMap<>(events.size());
        SortedMap<UserDay, String> days = new TreeMap<>();
        Map<UserDay, Set<String>> touchedDomains = new HashMap<>();
        for (UsageEvent event : events) {
            HourSlots slot = HourSlots.of(event.fechaHora(), event.tiempo(), ZoneId.of(event.tz()));
            slots.add(slot);
            slotOf.put(event, slot);
            touch(days, touchedDomains, event, slot.day());
            if (slot.hasSecond()) {
                touch(days, touchedDomains, event, slot.day2());
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            dayStates.touch(connection, days);
            List<UsageEvent> fresh = registro.insertNew(connection, events, slots, UUID.randomUUID());
            SortedMap<HourlyKey, Long> hourly = new TreeMap<>();
            SortedMap<DailyKey, Long> daily = new TreeMap<>();
            for (UsageEvent event : fresh) {
                HourSlots slot = slotOf.get(event);
                add(hourly, daily, event, slot.day(), slot.hour(), slot.seconds());
                if (slot.hasSecond()) {
                    add(hourly, daily, event, slot.day2(), slot.hour2(), slot.seconds2());
                }
            }
            if (!fresh.isEmpty()) {
                Map<String, String> categoryOf = categories.categoriesOf(connection,
                        fresh.stream().map(UsageEvent::dominio).collect(Collectors.toSet()));
                aggregates.addHourly(connection, hourly, categoryOf);
                aggregates.addDaily(connection, daily, categoryOf);
            }
            return new RecordedBatch(fresh, touchedDomains, dayTotals.read(connection, touchedDomains.keySet()));
        }
    }

    /** Whether the database takes a connection and answers at once: when it does not, a failure is not a record's. */
    public boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void touch(SortedMap<UserDay, String> days, Map<UserDay, Set<String>> touchedDomains, UsageEvent event,
            LocalDate day) {
        UserDay userDay = new UserDay(event.usuarioId(), day);
        days.put(userDay, event.tz());
        touchedDomains.computeIfAbsent(userDay, d -> new HashSet<>()).add(event.dominio());
    }

    private static void add(SortedMap<HourlyKey, Long> hourly, SortedMap<DailyKey, Long> daily, UsageEvent event,
            LocalDate day, int hour, long seconds) {
        hourly.merge(new HourlyKey(event.usuarioId(), day, hour, event.dominio()), seconds, Long::sum);
        daily.merge(new DailyKey(event.usuarioId(), day, event.dominio()), seconds, Long::sum);
    }
}
