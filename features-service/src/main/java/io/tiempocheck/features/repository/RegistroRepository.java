package io.tiempocheck.features.repository;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.service.HourSlots;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class RegistroRepository {

    private static final String INSERT = "INSERT IGNORE INTO registro (event_id, usuario_id, device_id, dominio, fecha_hora,"
            + " fecha_hora_local, tz, tiempo, recibido_en, lote, schema_ver, dia, hora, segundos, dia_2, hora_2, segundos_2) VALUES ";
    private static final int ROWS_PER_STATEMENT = 1000;
    /** About what one row takes as text, so the builder rarely grows. */
    private static final int ROW_CHARS = 260;

    /**
     * Inserts the events whose (usuario_id, event_id) is not yet in {@code registro} and returns those
     * this call inserted, each once. Rows are tagged with the batch id: an id already present for the
     * user (a redelivery, an HTTP retry, a resend with another start) keeps its old tag, so it is not
     * returned and will not be added to the aggregates again; the same id of another user is another
     * event. A concurrent insert of the same key waits on its unique-key lock and then loses, never
     * both win. {@code slots} holds each event's hour split, stored with it.
     */
    public List<UsageEvent> insertNew(Connection connection, List<UsageEvent> events, List<HourSlots> slots, UUID batchId)
            throws SQLException {
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
                    appendRow(sql, events.get(e), slots.get(e), batch);
                }
                inserted += statement.executeUpdate(sql.toString());
            }
        }
        if (inserted == events.size()) {
            // Every row was new, so the batch held no id twice either: the common case needs no read-back.
            return events;
        }
        Set<UserEvent> ours = insertedBy(connection, events, batch);
        return events.stream().filter(e -> ours.remove(new UserEvent(e.usuarioId(), e.eventId()))).toList();
    }

    private record UserEvent(long userId, UUID eventId) {
    }

    private static void appendRow(StringBuilder sql, UsageEvent event, HourSlots slot, String batch) {
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
        sql.append(',').append(slot.seconds2()).append(')');
    }

    /** The keys of the events inserted with the batch's tag: per user, a range of the (usuario_id, event_id) key. */
    private static Set<UserEvent> insertedBy(Connection connection, List<UsageEvent> events, String batch) throws SQLException {
        Set<UserEvent> inserted = new HashSet<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<UsageEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            Map<Long, List<UUID>> byUser = new TreeMap<>();
            for (UsageEvent event : chunk) {
                byUser.computeIfAbsent(event.usuarioId(), u -> new ArrayList<>()).add(event.eventId());
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
