package io.tiempocheck.features.service;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.categories.CategorySql;
import io.tiempocheck.features.categories.DomainCategories;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.repository.AggregateRepository;
import io.tiempocheck.features.repository.DailyKey;
import io.tiempocheck.features.repository.DayStateRepository;
import io.tiempocheck.features.repository.DayTotalsRepository;
import io.tiempocheck.features.repository.HourlyKey;
import io.tiempocheck.features.repository.RegistroRepository;
import io.tiempocheck.features.repository.RegistroRepository.Device;
import io.tiempocheck.features.repository.RegistroRepository.Span;
import io.tiempocheck.features.repository.RegistroRepository.StoredInterval;
import io.tiempocheck.features.repository.UserDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
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
 * seconds split by local hour into the aggregates (only the seconds their device had not counted
 * yet: see {@link DeviceTimeline}), and the state rows of the days they touch.
 * Either all of it commits or none of it, whatever the failure (checked SQL exceptions included). Last, still in the transaction (so under the day-state
 * locks that rebuilds also take), it reads the touched days' totals for the feature updates.
 */
@ApplicationScoped
public class EventRecorder {

    private final AgroalDataSource dataSource;
    private final RegistroRepository registro;
    private final CategorySql categories;
    private final AggregateRepository aggregates;
    private final DayStateRepository dayStates;
    private final DayTotalsRepository dayTotals;

    public EventRecorder(AgroalDataSource dataSource, RegistroRepository registro, CategorySql categories,
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
        List<HourSlots> full = new ArrayList<>(events.size());
        SortedMap<UserDay, String> days = new TreeMap<>();
        Map<UserDay, Set<String>> touchedDomains = new HashMap<>();
        Map<Device, Span> spans = new HashMap<>();
        for (UsageEvent event : events) {
            HourSlots slot = HourSlots.of(event.fechaHora(), event.tiempo(), ZoneId.of(event.tz()));
            full.add(slot);
            touch(days, touchedDomains, event, slot.day());
            if (slot.hasSecond()) {
                touch(days, touchedDomains, event, slot.day2());
            }
            long start = event.fechaHora().toEpochSecond();
            spans.merge(device(event), new Span(start, start + event.tiempo()),
                    (a, b) -> new Span(Math.min(a.from(), b.from()), Math.max(a.to(), b.to())));
        }
        try (Connection connection = dataSource.getConnection()) {
            // The day locks first: a batch of the same device overlapping this one touches one of these days
            // too, so it commits before the intervals below are read, or waits until this batch commits.
            dayStates.touch(connection, days);
            Map<Device, List<StoredInterval>> stored = registro.storedIntervals(connection, spans);
            List<Boolean> counting = presumablyNew(events, stored);
            List<HourSlots> counted = trim(events, full, stored, counting);
            // By identity: insertNew hands back the very event objects it was given.
            Map<UsageEvent, Integer> indexOf = new IdentityHashMap<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                indexOf.putIfAbsent(events.get(i), i);
            }
            List<UsageEvent> fresh = registro.insertNew(connection, events, counted, UUID.randomUUID());
            List<Boolean> isFresh = new ArrayList<>(Collections.nCopies(events.size(), false));
            fresh.forEach(event -> isFresh.set(indexOf.get(event), true));
            if (!isFresh.equals(counting)) {
                // An id presumed new was stored already (resent with another start, so outside the spans read):
                // its interval must not have cut the others'. Trimmed again with the events really new.
                List<HourSlots> recounted = trim(events, full, stored, isFresh);
                List<UsageEvent> changed = new ArrayList<>();
                List<HourSlots> changedSlots = new ArrayList<>();
                for (UsageEvent event : fresh) {
                    int i = indexOf.get(event);
                    if (!recounted.get(i).equals(counted.get(i))) {
                        changed.add(event);
                        changedSlots.add(recounted.get(i));
                    }
                }
                registro.updateCounted(connection, changed, changedSlots);
                counted = recounted;
            }
            SortedMap<HourlyKey, Long> hourly = new TreeMap<>();
            SortedMap<DailyKey, Long> daily = new TreeMap<>();
            long trimmed = 0;
            for (UsageEvent event : fresh) {
                HourSlots slot = counted.get(indexOf.get(event));
                trimmed += event.tiempo() - slot.total();
                // A slot the device had counted entirely adds nothing (and no row), as a rebuild from registro does.
                if (slot.seconds() > 0) {
                    add(hourly, daily, event, slot.day(), slot.hour(), slot.seconds());
                }
                if (slot.hasSecond()) {
                    add(hourly, daily, event, slot.day2(), slot.hour2(), slot.seconds2());
                }
            }
            if (!hourly.isEmpty()) {
                // Each person's own override first: new events of an overridden site land in its new category.
                DomainCategories categoryOf = categories.categoriesOf(connection, fresh.stream().collect(
                        Collectors.groupingBy(UsageEvent::usuarioId, Collectors.mapping(UsageEvent::dominio, Collectors.toSet()))));
                aggregates.addHourly(connection, hourly, categoryOf);
                aggregates.addDaily(connection, daily, categoryOf);
            }
            return new RecordedBatch(fresh, touchedDomains, dayTotals.read(connection, touchedDomains.keySet()), trimmed);
        }
    }

    /**
     * Which events may be new: the first of each (usuario_id, event_id) in the batch, unless it is one of the
     * stored intervals read (a redelivery). Only those count time on their device's timeline.
     */
    private static List<Boolean> presumablyNew(List<UsageEvent> events, Map<Device, List<StoredInterval>> stored) {
        Set<String> seen = new HashSet<>();
        for (var device : stored.entrySet()) {
            for (StoredInterval interval : device.getValue()) {
                seen.add(device.getKey().userId() + "/" + interval.eventId());
            }
        }
        List<Boolean> counting = new ArrayList<>(events.size());
        for (UsageEvent event : events) {
            counting.add(seen.add(event.usuarioId() + "/" + event.eventId()));
        }
        return counting;
    }

    /** Each event's slots with only what its device had not counted yet, in batch order, for the counting events. */
    private static List<HourSlots> trim(List<UsageEvent> events, List<HourSlots> full, Map<Device, List<StoredInterval>> stored,
            List<Boolean> counting) {
        Map<Device, DeviceTimeline> timelines = new HashMap<>();
        stored.forEach((device, intervals) -> {
            DeviceTimeline timeline = new DeviceTimeline();
            intervals.forEach(interval -> timeline.add(interval.start(), interval.end()));
            timelines.put(device, timeline);
        });
        List<HourSlots> counted = new ArrayList<>(full);
        for (int i = 0; i < events.size(); i++) {
            if (!counting.get(i)) {
                continue;
            }
            UsageEvent event = events.get(i);
            long start = event.fechaHora().toEpochSecond();
            List<DeviceTimeline.Span> parts = timelines.computeIfAbsent(device(event), d -> new DeviceTimeline())
                    .claim(start, start + event.tiempo());
            if (parts.size() != 1 || parts.get(0).seconds() != event.tiempo()) {
                counted.set(i, full.get(i).counting(parts, ZoneId.of(event.tz())));
            }
        }
        return counted;
    }

    private static Device device(UsageEvent event) {
        return new Device(event.usuarioId(), event.deviceId());
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
