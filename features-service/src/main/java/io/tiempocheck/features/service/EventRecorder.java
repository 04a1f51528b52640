package io.tiempocheck.features.service;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.repository.AggregateRepository;
import io.tiempocheck.features.repository.CategoryRepository;
import io.tiempocheck.features.repository.DailyKey;
import io.tiempocheck.features.repository.HourlyKey;
import io.tiempocheck.features.repository.RegistroRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes one consumer batch in one transaction: the events new to {@code registro}, and their
 * seconds split by local hour into the aggregates. Either all of it commits or none of it.
 */
@ApplicationScoped
public class EventRecorder {

    private final AgroalDataSource dataSource;
    private final RegistroRepository registro;
    private final CategoryRepository categories;
    private final AggregateRepository aggregates;

    public EventRecorder(AgroalDataSource dataSource, RegistroRepository registro, CategoryRepository categories,
            AggregateRepository aggregates) {
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection()) {
            List<UsageEvent> fresh = registro.insertNew(connection, events, UUID.randomUUID());
            if (fresh.isEmpty()) {
                return fresh;
            }
            SortedMap<HourlyKey, Long> hourly = new TreeMap<>();
            SortedMap<DailyKey, Long> daily = new TreeMap<>();
            for (UsageEvent event : fresh) {
                for (HourSlice slice : HourSplitter.split(event.fechaHora(), event.tiempo(), ZoneId.of(event.tz()))) {
                    hourly.merge(new HourlyKey(event.usuarioId(), slice.day(), slice.hour(), event.dominio()),
                            (long) slice.seconds(), Long::sum);
                    daily.merge(new DailyKey(event.usuarioId(), slice.day(), event.dominio()), (long) slice.seconds(), Long::sum);
                }
            }
            Map<String, String> categoryOf = categories.categoriesOf(connection,
                    fresh.stream().map(UsageEvent::dominio).collect(Collectors.toSet()));
            aggregates.addHourly(connection, hourly, categoryOf);
            aggregates.addDaily(connection, daily, categoryOf);
            return fresh;
        }
    }
}
