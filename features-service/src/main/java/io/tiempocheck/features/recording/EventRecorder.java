package io.tiempocheck.features.recording;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.recording.RegistroRepository.Device;
import io.tiempocheck.features.recording.RegistroRepository.Span;
import io.tiempocheck.features.recording.RegistroRepository.StoredInterval;
import io.tiempocheck.features.recording.RegistroRepository.UserEvent;
import io.tiempocheck.features.store.CategoryLookup;
import io.tiempocheck.features.store.DayStateRepository;
import io.tiempocheck.features.store.DeviceTimeline;
import io.tiempocheck.features.store.DomainCategories;
import io.tiempocheck.features.store.HourSlots;
import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * It also counts what arrived oddly (resent copies, events from the future or long past: see
 * {@link ArrivalAnomalyRepository}), so a redelivered batch counts nothing twice.
 * Either all of it commits or none of it, whatever the failure (checked SQL exceptions included). Last, still in the transaction (so under the day-state
 * locks that rebuilds also take), it reads the touched days' totals for the feature updates.
 */
@ApplicationScoped
public class EventRecorder {

    private final AgroalDataSource dataSource;
    private final RegistroRepository registro;
    private final CategoryLookup categories;
    private final AggregateRepository aggregates;
    private final DayStateRepository dayStates;
    private final DailyRowRepository dayTotals;
    private final ArrivalAnomalyRepository anomalies;

    public EventRecorder(AgroalDataSource dataSource, RegistroRepository registro, CategoryLookup categories,
            AggregateRepository aggregates, DayStateRepository dayStates, DailyRowRepository dayTotals,
            ArrivalAnomalyRepository anomalies) {
        this.anomalies = anomalies;
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
        List<SlottedEvent> full = new ArrayList<>(events.size());
        SortedMap<UserDay, String> days = new TreeMap<>();
        Map<UserDay, Set<String>> touchedDomains = new HashMap<>();
        Map<Device, Span> spans = new HashMap<>();
        for (UsageEvent event : events) {
            SlottedEvent slotted = SlottedEvent.of(event);
            full.add(slotted);
            touch(days, touchedDomains, event, slotted.slots().day());
            if (slotted.slots().hasSecond()) {
                touch(days, touchedDomains, event, slotted.slots().day2());
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
            Set<UserEvent> presumablyNew = presumablyNew(events, stored);
            List<SlottedEvent> fresh = registro.insertNew(connection, trim(full, stored, presumablyNew), UUID.randomUUID());
            Set<UserEvent> inserted = new HashSet<>(fresh.size());
            fresh.forEach(slotted -> inserted.add(UserEvent.of(slotted.event())));
            if (!inserted.equals(presumablyNew)) {
                // An id presumed new was stored already (resent with another start, so outside the spans read):
                // its interval must not have cut the others'. Trimmed again with the events really new.
                fresh = recount(connection, fresh, stored);
            }
            SortedMap<HourlyKey, Long> hourly = new TreeMap<>();
            SortedMap<DailyKey, Long> daily = new TreeMap<>();
            long trimmed = 0;
            for (SlottedEvent slotted : fresh) {
                UsageEvent event = slotted.event();
                HourSlots slot = slotted.slots();
                trimmed += slotted.trimmedSeconds();
                // A slot the device had counted entirely adds nothing (and no row), as a rebuild from registro does.
                if (slot.seconds() > 0) {
                    add(hourly, daily, event, slot.day(), slot.hour(), slot.seconds());
                }
                if (slot.hasSecond()) {
                    add(hourly, daily, event, slot.day2(), slot.hour2(), slot.seconds2());
                }
            }
            List<UsageEvent> freshEvents = fresh.stream().map(SlottedEvent::event).toList();
            anomalies.record(connection, events, freshEvents);
            if (!hourly.isEmpty()) {
                // Each person's own override first: new events of an overridden site land in its new category.
                DomainCategories categoryOf = categories.categoriesOf(connection, freshEvents.stream().collect(
                        Collectors.groupingBy(UsageEvent::usuarioId, Collectors.mapping(UsageEvent::dominio, Collectors.toSet()))));
                aggregates.addHourly(connection, hourly, categoryOf);
                aggregates.addDaily(connection, daily, categoryOf);
            }
            return new RecordedBatch(freshEvents, touchedDomains, dayTotals.read(connection, touchedDomains.keySet()), trimmed);
        }
    }

    /**
     * Which events may be new: those of the batch whose (usuario_id, event_id) is not one of the stored
     * intervals read (a redelivery). The first of each in the batch counts time on its device's timeline.
     */
    private static Set<UserEvent> presumablyNew(List<UsageEvent> events, Map<Device, List<StoredInterval>> stored) {
        Set<UserEvent> seen = new HashSet<>();
        for (var device : stored.entrySet()) {
            for (StoredInterval interval : device.getValue()) {
                seen.add(new UserEvent(device.getKey().userId(), interval.eventId()));
            }
        }
        Set<UserEvent> counting = new HashSet<>();
        for (UsageEvent event : events) {
            UserEvent id = UserEvent.of(event);
            if (!seen.contains(id)) {
                counting.add(id);
            }
        }
        return counting;
    }

    /**
     * The batch in its order, the first event of each counting id with only what its device had not counted
     * yet, every other event as it came (it is a repeat, and will not be inserted).
     */
    private static List<SlottedEvent> trim(List<SlottedEvent> full, Map<Device, List<StoredInterval>> stored,
            Set<UserEvent> counting) {
        Map<Device, DeviceTimeline> timelines = timelines(stored);
        Set<UserEvent> unclaimed = new HashSet<>(counting);
        List<SlottedEvent> counted = new ArrayList<>(full.size());
        for (SlottedEvent slotted : full) {
            counted.add(unclaimed.remove(UserEvent.of(slotted.event())) ? claim(timelines, slotted) : slotted);
        }
        return counted;
    }

    /**
     * The inserted events trimmed again, in their order, as if they had been the only ones counting; those whose
     * counted seconds change are rewritten in {@code registro}.
     */
    private List<SlottedEvent> recount(Connection connection, List<SlottedEvent> inserted,
            Map<Device, List<StoredInterval>> stored) throws SQLException {
        Map<Device, DeviceTimeline> timelines = timelines(stored);
        List<SlottedEvent> recounted = new ArrayList<>(inserted.size());
        List<SlottedEvent> changed = new ArrayList<>();
        for (SlottedEvent slotted : inserted) {
            SlottedEvent again = claim(timelines, SlottedEvent.of(slotted.event()));
            if (!again.slots().equals(slotted.slots())) {
                changed.add(again);
            }
            recounted.add(again);
        }
        registro.updateCounted(connection, changed);
        return recounted;
    }

    private static Map<Device, DeviceTimeline> timelines(Map<Device, List<StoredInterval>> stored) {
        Map<Device, DeviceTimeline> timelines = new HashMap<>();
        stored.forEach((device, intervals) -> {
            DeviceTimeline timeline = new DeviceTimeline();
            intervals.forEach(interval -> timeline.add(interval.start(), interval.end()));
            timelines.put(device, timeline);
        });
        return timelines;
    }

    /** The event with only the seconds its device's timeline had not counted yet, which it now counts. */
    private static SlottedEvent claim(Map<Device, DeviceTimeline> timelines, SlottedEvent full) {
        UsageEvent event = full.event();
        long start = event.fechaHora().toEpochSecond();
        List<DeviceTimeline.Span> parts = timelines.computeIfAbsent(device(event), d -> new DeviceTimeline())
                .claim(start, start + event.tiempo());
        if (parts.size() == 1 && parts.get(0).seconds() == event.tiempo()) {
            return full;
        }
        return new SlottedEvent(event, full.slots().counting(parts, ZoneId.of(event.tz())));
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
