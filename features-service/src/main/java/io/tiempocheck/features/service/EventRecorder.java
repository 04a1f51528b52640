package io.tiempocheck.features.service;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.repository.AggregateRepository;
import io.tiempocheck.features.repository.CategoryRepository;
import io.tiempocheck.features.repository.DailyKey;
import io.tiempocheck.features.repository.DayStateRepository;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes one consumer batch in one transaction: the events new to {@code registro}, and their
 * seconds split by local hour into the aggregates, and the state rows of the days they touch.
 * Either all of it commits or none of it.
 */
@ApplicationScoped
public class EventRecorder {

    private final AgroalDataSource dataSource;
    private final RegistroRepository registro;
    private final CategoryRepository categories;
    private final AggregateRepository aggregates;
    private final DayStateRepository dayStates;

    public EventRecorder(AgroalDataSource dataSource, RegistroRepository registro, CategoryRepository categories,
            AggregateRepository aggregates, DayStateRepository dayStates) {
        this.dataSource = dataSource;
        this.dayStates = dayStates;
        this.registro = registro;
        this.categories = categories;
        this.aggregates = aggregates;
    }

    /** @return the events that were new, i.e. counted by this call */
    @Transactional
    public List<UsageEvent> record(List<UsageEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        List<HourSlots> slots = new ArrayList<>(events.size());
        // By identity: insertNew hands back the very event objects it was given.
        Map<UsageEvent, HourSlots> slotOf = new IdentityHashMap<>(events.size());
        SortedMap<UserDay, String> days = new TreeMap<>();
        for (UsageEvent event : events) {
            HourSlots slot = HourSlots.of(event.fechaHora(), event.tiempo(), ZoneId.of(event.tz()));
            slots.add(slot);
            slotOf.put(event, slot);
            days.put(new UserDay(event.usuarioId(), slot.day()), event.tz());
            if (slot.hasSecond()) {
                days.put(new UserDay(event.usuarioId(), slot.day2()), event.tz());
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
            if (fresh.isEmpty()) {
                return fresh;
            }
            Map<String, String> categoryOf = categories.categoriesOf(connection,
                    fresh.stream().map(UsageEvent::dominio).collect(Collectors.toSet()));
            aggregates.addHourly(connection, hourly, categoryOf);
            aggregates.addDaily(connection, daily, categoryOf);
            return fresh;
        }
    }

    private static void add(SortedMap<HourlyKey, Long> hourly, SortedMap<DailyKey, Long> daily, UsageEvent event,
            LocalDate day, int hour, long seconds) {
        hourly.merge(new HourlyKey(event.usuarioId(), day, hour, event.dominio()), seconds, Long::sum);
        daily.merge(new DailyKey(event.usuarioId(), day, event.dominio()), seconds, Long::sum);
    }
}
