package io.tiempocheck.features.repository;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.service.HourSlots;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class RegistroRepository {

    private static final String INSERT = "INSERT IGNORE INTO registro (event_id, usuario_id, device_id, dominio, fecha_hora,"
            + " fecha_hora_local, tz, tiempo, recibido_en, lote, schema_ver, dia, hora, segundos, dia_2, hora_2, segundos_2) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int ROWS_PER_STATEMENT = 1000;
    private static final String FULL_INSERT = insertOf(ROWS_PER_STATEMENT);

    /**
     * Inserts the events whose event_id is not yet in {@code registro} and returns those this call
     * inserted, each once. Rows are tagged with the batch id: an id already present (a redelivery, an
     * HTTP retry) keeps its old tag, so it is not returned and will not be added to the aggregates
     * again. A concurrent insert of the same id waits on the primary-key lock and then loses, never
     * both win. {@code slots} holds each event's hour split, stored with it.
     */
    public List<UsageEvent> insertNew(Connection connection, List<UsageEvent> events, List<HourSlots> slots, UUID batchId)
            throws SQLException {
        String batch = batchId.toString();
        long inserted = 0;
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<UsageEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            // One multi-row statement per chunk: its affected-row count says how many rows were new,
            // which a driver-rewritten JDBC batch does not tell.
            try (PreparedStatement insert = connection.prepareStatement(
                    chunk.size() == ROWS_PER_STATEMENT ? FULL_INSERT : insertOf(chunk.size()))) {
                int p = 1;
                for (int e = from; e < from + chunk.size(); e++) {
                    UsageEvent event = events.get(e);
                    HourSlots slot = slots.get(e);
                    ZoneId zone = ZoneId.of(event.tz());
                    insert.setString(p++, event.eventId().toString());
                    insert.setLong(p++, event.usuarioId());
                    insert.setString(p++, event.deviceId());
                    insert.setString(p++, event.dominio());
                    insert.setObject(p++, event.fechaHora().atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
                    insert.setObject(p++, event.fechaHora().atZoneSameInstant(zone).toLocalDateTime());
                    insert.setString(p++, event.tz());
                    insert.setInt(p++, event.tiempo());
                    insert.setObject(p++, event.recibidoEn().atOffset(ZoneOffset.UTC).toLocalDateTime());
                    insert.setString(p++, batch);
                    insert.setInt(p++, event.schemaVer());
                    insert.setObject(p++, slot.day());
                    insert.setInt(p++, slot.hour());
                    insert.setInt(p++, slot.seconds());
                    insert.setObject(p++, slot.day2());
                    insert.setObject(p++, slot.hasSecond() ? slot.hour2() : null);
                    insert.setInt(p++, slot.seconds2());
                }
                inserted += insert.executeUpdate();
            }
        }
        if (inserted == events.size()) {
            // Every row was new, so the batch held no id twice either: the common case needs no read-back.
            return events;
        }
        Set<UUID> ours = insertedBy(connection, events, batch);
        return events.stream().filter(e -> ours.remove(e.eventId())).toList();
    }

    private static Set<UUID> insertedBy(Connection connection, List<UsageEvent> events, String batch) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<UsageEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            String placeholders = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT event_id FROM registro WHERE lote = ? AND event_id IN (" + placeholders + ")")) {
                select.setString(1, batch);
                int i = 2;
                for (UsageEvent event : chunk) {
                    select.setString(i++, event.eventId().toString());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(UUID.fromString(rows.getString(1)));
                    }
                }
            }
        }
        return inserted;
    }

    private static String insertOf(int rows) {
        return INSERT + String.join(", ", Collections.nCopies(rows, ROW));
    }
}
