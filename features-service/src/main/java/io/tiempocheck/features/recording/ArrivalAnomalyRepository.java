package io.tiempocheck.features.recording;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.common.jdbc.UtcColumns;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.recording.RegistroRepository.UserEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/**
 * Counts, in a batch's transaction, what arrived oddly (table {@code entrada_anomalias}, per UTC hour of reception
 * and user): copies of an event already stored that were sent again, and new events starting after their reception
 * or long before it. A batch with nothing odd writes nothing; one that has writes one statement, and reads
 * {@code registro} once more only when some of its events were not new.
 */
@ApplicationScoped
public class ArrivalAnomalyRepository {

    private static final String UPSERT = "INSERT INTO entrada_anomalias (hora, usuario_id, duplicados, futuros, antiguos) VALUES ";
    private static final String ON_DUPLICATE = " ON DUPLICATE KEY UPDATE duplicados = duplicados + VALUES(duplicados),"
            + " futuros = futuros + VALUES(futuros), antiguos = antiguos + VALUES(antiguos)";
    private static final long MILLI_NANOS = 1_000_000;

    private final Duration oldEventAge;

    @Inject
    public ArrivalAnomalyRepository(FeaturesConfig config) {
        this(config.consumer().oldEventAge());
    }

    ArrivalAnomalyRepository(Duration oldEventAge) {
        this.oldEventAge = oldEventAge;
    }

    /** One (hour, user)'s counts. */
    record Key(Instant hour, long userId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byHour = hour.compareTo(other.hour);
            return byHour != 0 ? byHour : Long.compare(userId, other.userId);
        }
    }

    record Counts(long resent, long future, long old) {
        Counts plus(Counts other) {
            return new Counts(resent + other.resent, future + other.future, old + other.old);
        }
    }

    /**
     * Adds the batch's anomalies: {@code fresh} are the events of {@code batch} this transaction inserted. Every other
     * event of the batch met a stored row: a resend when that row came in another request (another recibido_en), a
     * redelivery of the same record when it did not, which the sender never sent twice and is not counted.
     */
    public void record(Connection connection, List<UsageEvent> batch, List<UsageEvent> fresh) throws SQLException {
        SortedMap<Key, Counts> counts = new TreeMap<>();
        for (UsageEvent event : fresh) {
            Instant start = event.fechaHora().toInstant();
            boolean future = start.isAfter(event.recibidoEn());
            boolean old = start.isBefore(event.recibidoEn().minus(oldEventAge));
            if (future || old) {
                counts.merge(key(event), new Counts(0, future ? 1 : 0, old ? 1 : 0), Counts::plus);
            }
        }
        if (batch.size() > fresh.size()) {
            countResent(connection, batch, fresh, counts);
        }
        if (counts.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(UPSERT);
        sql.append(String.join(",", Collections.nCopies(counts.size(), "(?, ?, ?, ?, ?)"))).append(ON_DUPLICATE);
        try (PreparedStatement upsert = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (var entry : counts.entrySet()) {
                upsert.setObject(i++, UtcColumns.utc(entry.getKey().hour()));
                upsert.setLong(i++, entry.getKey().userId());
                upsert.setLong(i++, entry.getValue().resent());
                upsert.setLong(i++, entry.getValue().future());
                upsert.setLong(i++, entry.getValue().old());
            }
            upsert.executeUpdate();
        }
    }

    /** The events of the batch not inserted whose stored row came with another recibido_en. */
    private static void countResent(Connection connection, List<UsageEvent> batch, List<UsageEvent> fresh,
            SortedMap<Key, Counts> counts) throws SQLException {
        // Each inserted event once, by identity: a second copy of it in the batch is one of the others.
        Set<UsageEvent> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
        inserted.addAll(fresh);
        List<UsageEvent> others = new ArrayList<>();
        for (UsageEvent event : batch) {
            if (!inserted.remove(event)) {
                others.add(event);
            }
        }
        Map<UserEvent, Instant> stored = receptions(connection, others);
        for (UsageEvent event : others) {
            Instant first = stored.get(UserEvent.of(event));
            // Stored with millisecond precision (rounded on MySQL, truncated on MariaDB).
            if (first != null && Math.abs(Duration.between(first, event.recibidoEn()).toNanos()) >= MILLI_NANOS) {
                counts.merge(key(event), new Counts(1, 0, 0), Counts::plus);
            }
        }
    }

    private static Map<UserEvent, Instant> receptions(Connection connection, List<UsageEvent> events) throws SQLException {
        Map<Long, Set<UUID>> byUser = new TreeMap<>();
        for (UsageEvent event : events) {
            byUser.computeIfAbsent(event.usuarioId(), u -> new HashSet<>()).add(event.eventId());
        }
        StringBuilder where = new StringBuilder();
        for (Set<UUID> ids : byUser.values()) {
            where.append(where.isEmpty() ? "" : " OR ").append("(usuario_id = ? AND event_id IN (")
                    .append(String.join(",", Collections.nCopies(ids.size(), "?"))).append("))");
        }
        Map<UserEvent, Instant> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT usuario_id, event_id, recibido_en FROM registro WHERE " + where)) {
            int i = 1;
            for (var user : byUser.entrySet()) {
                select.setLong(i++, user.getKey());
                for (UUID id : user.getValue()) {
                    select.setString(i++, id.toString());
                }
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(new UserEvent(rows.getLong(1), UUID.fromString(rows.getString(2))), UtcColumns.instant(rows, 3));
                }
            }
        }
        return stored;
    }

    private static Key key(UsageEvent event) {
        return new Key(event.recibidoEn().truncatedTo(ChronoUnit.HOURS), event.usuarioId());
    }
}
