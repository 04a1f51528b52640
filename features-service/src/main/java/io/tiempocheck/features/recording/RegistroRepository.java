package io.tiempocheck.features.recording;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.common.jdbc.UtcColumns;
import io.tiempocheck.features.store.HourSlots;
import io.tiempocheck.features.store.SqlLiterals;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class RegistroRepository {

    private static final String INSERT = "INSERT IGNORE INTO registro (event_id, usuario_id, device_id, dominio, fecha_hora,"
            + " fecha_hora_local, tz, tiempo, recibido_en, lote, schema_ver, dia, hora, segundos, dia_2, hora_2, segundos_2,"
            + " segundos_recortados) VALUES ";
    private static final int ROWS_PER_STATEMENT = 1000;
    /** About what one row takes as text, so the builder rarely grows. */
    private static final int ROW_CHARS = 260;

    /**
     * Inserts the events whose (usuario_id, event_id) is not yet in {@code registro} and returns those
     * this call inserted, each once. Rows are tagged with the batch id: an id already present for the
     * user (a redelivery, an HTTP retry, a resend with another start) keeps its old tag, so it is not
     * returned and will not be added to the aggregates again; the same id of another user is another
     * event. A concurrent insert of the same key waits on its unique-key lock and then loses, never
     * both win. Each event is stored with its slots' counted seconds ({@code tiempo} keeps what was
     * sent, {@code segundos_recortados} the difference); the records returned are those given.
     */
    public List<SlottedEvent> insertNew(Connection connection, List<SlottedEvent> events, UUID batchId) throws SQLException {
        String batch = batchId.toString();
        long inserted = 0;
        try (Statement statement = connection.createStatement()) {
            // The text is plain SQL literals (SqlLiterals), with no JDBC escapes for the driver to look for.
            statement.setEscapeProcessing(false);
            StringBuilder sql = new StringBuilder(INSERT.length() + ROWS_PER_STATEMENT * ROW_CHARS);
            for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
                // One multi-row statement per chunk, written as text like the plain INSERT it is measured
                // against: binding 17,000 parameters cost the driver more CPU than all the rest of a batch
                // (setting, checking, encoding and clearing each one). Its affected-row count says how many
                // rows were new, which a driver-rewritten JDBC batch does not tell.
                sql.setLength(0);
                sql.append(INSERT);
                int to = Math.min(events.size(), from + ROWS_PER_STATEMENT);
                for (int e = from; e < to; e++) {
                    if (e > from) {
                        sql.append(',');
                    }
                    appendRow(sql, events.get(e), batch);
                }
                inserted += statement.executeUpdate(sql.toString());
            }
        }
        if (inserted == events.size()) {
            // Every row was new, so the batch held no id twice either: the common case needs no read-back.
            return events;
        }
        Set<UserEvent> ours = insertedBy(connection, events, batch);
        return events.stream().filter(e -> ours.remove(UserEvent.of(e.event()))).toList();
    }

    /** The key of {@code registro}: an event id is unique per user. */
    public record UserEvent(long userId, UUID eventId) {
        public static UserEvent of(UsageEvent event) {
            return new UserEvent(event.usuarioId(), event.eventId());
        }
    }

    /** One device of one user; events without a device_id share the user's device {@code null}. */
    public record Device(long userId, String deviceId) {
    }

    /** The stretch of time, in epoch seconds, whose stored intervals a batch's events of one device may overlap. */
    public record Span(long from, long to) {
    }

    /** A stored event's interval, as it was sent, in epoch seconds [start, end). */
    public record StoredInterval(UUID eventId, long start, long end) {
    }

    private static final int DEVICES_PER_QUERY = 200;

    /**
     * The stored intervals of each device that may overlap its span: those starting less than the longest
     * interval before it, through its end, read from the (usuario_id, device_id, fecha_hora) index. The
     * intervals as sent: what a device has counted is the union of them, however each was trimmed.
     */
    public Map<Device, List<StoredInterval>> storedIntervals(Connection connection, Map<Device, Span> spans) throws SQLException {
        Map<Device, List<StoredInterval>> stored = new HashMap<>();
        List<Map.Entry<Device, Span>> all = new ArrayList<>(spans.entrySet());
        for (int from = 0; from < all.size(); from += DEVICES_PER_QUERY) {
            List<Map.Entry<Device, Span>> chunk = all.subList(from, Math.min(all.size(), from + DEVICES_PER_QUERY));
            StringBuilder where = new StringBuilder();
            for (var entry : chunk) {
                where.append(where.isEmpty() ? "" : " OR ").append(entry.getKey().deviceId() == null
                        ? "(usuario_id = ? AND device_id IS NULL AND fecha_hora >= ? AND fecha_hora < ?)"
                        : "(usuario_id = ? AND device_id = ? AND fecha_hora >= ? AND fecha_hora < ?)");
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT usuario_id, device_id, event_id, fecha_hora, tiempo FROM registro WHERE " + where)) {
                int i = 1;
                for (var entry : chunk) {
                    select.setLong(i++, entry.getKey().userId());
                    if (entry.getKey().deviceId() != null) {
                        select.setString(i++, entry.getKey().deviceId());
                    }
                    select.setObject(i++, UtcColumns.utc(entry.getValue().from() - UsageEvent.MAX_SECONDS));
                    select.setObject(i++, UtcColumns.utc(entry.getValue().to()));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long start = rows.getObject(4, LocalDateTime.class).toEpochSecond(ZoneOffset.UTC);
                        stored.computeIfAbsent(new Device(rows.getLong(1), rows.getString(2)), d -> new ArrayList<>())
                                .add(new StoredInterval(UUID.fromString(rows.getString(3)), start, start + rows.getInt(5)));
                    }
                }
            }
        }
        return stored;
    }

    /** Rewrites the counted seconds of events already inserted by this transaction. */
    public void updateCounted(Connection connection, List<SlottedEvent> events) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE registro SET segundos = ?, segundos_2 = ?,"
                + " segundos_recortados = ? WHERE usuario_id = ? AND event_id = ?")) {
            for (SlottedEvent slotted : events) {
                update.setInt(1, slotted.slots().seconds());
                update.setInt(2, slotted.slots().seconds2());
                update.setInt(3, slotted.trimmedSeconds());
                update.setLong(4, slotted.event().usuarioId());
                update.setString(5, slotted.event().eventId().toString());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void appendRow(StringBuilder sql, SlottedEvent slotted, String batch) {
        UsageEvent event = slotted.event();
        HourSlots slot = slotted.slots();
        sql.append('(');
        SqlLiterals.string(sql, event.eventId().toString());
        sql.append(',').append(event.usuarioId()).append(',');
        SqlLiterals.string(sql, event.deviceId());
        sql.append(',');
        SqlLiterals.string(sql, event.dominio());
        sql.append(',');
        SqlLiterals.dateTime(sql, event.fechaHora().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        sql.append(',');
        SqlLiterals.dateTime(sql, event.fechaHora().atZoneSameInstant(ZoneId.of(event.tz())).toLocalDateTime());
        sql.append(',');
        SqlLiterals.string(sql, event.tz());
        sql.append(',').append(event.tiempo()).append(',');
        SqlLiterals.dateTime(sql, LocalDateTime.ofInstant(event.recibidoEn(), ZoneOffset.UTC));
        sql.append(',');
        SqlLiterals.string(sql, batch);
        sql.append(',').append(event.schemaVer()).append(',');
        SqlLiterals.date(sql, slot.day());
        sql.append(',').append(slot.hour()).append(',').append(slot.seconds()).append(',');
        SqlLiterals.date(sql, slot.day2());
        sql.append(',');
        if (slot.hasSecond()) {
            sql.append(slot.hour2());
        } else {
            sql.append("NULL");
        }
        sql.append(',').append(slot.seconds2()).append(',').append(slotted.trimmedSeconds()).append(')');
    }

    /** The keys of the events inserted with the batch's tag: per user, a range of the (usuario_id, event_id) key. */
    private static Set<UserEvent> insertedBy(Connection connection, List<SlottedEvent> events, String batch) throws SQLException {
        Set<UserEvent> inserted = new HashSet<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<SlottedEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            Map<Long, List<UUID>> byUser = new TreeMap<>();
            for (SlottedEvent slotted : chunk) {
                byUser.computeIfAbsent(slotted.event().usuarioId(), u -> new ArrayList<>()).add(slotted.event().eventId());
            }
            StringBuilder where = new StringBuilder();
            for (List<UUID> ids : byUser.values()) {
                where.append(where.isEmpty() ? "" : " OR ").append("(usuario_id = ? AND event_id IN (")
                        .append(String.join(",", Collections.nCopies(ids.size(), "?"))).append("))");
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT usuario_id, event_id FROM registro WHERE lote = ? AND (" + where + ")")) {
                select.setString(1, batch);
                int i = 2;
                for (var user : byUser.entrySet()) {
                    select.setLong(i++, user.getKey());
                    for (UUID id : user.getValue()) {
                        select.setString(i++, id.toString());
                    }
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(new UserEvent(rows.getLong(1), UUID.fromString(rows.getString(2))));
                    }
                }
            }
        }
        return inserted;
    }
}
