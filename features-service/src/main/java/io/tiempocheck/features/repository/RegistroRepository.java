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
            + " fecha_hora_local, tz, tiempo, recibido_en, lote, schema_ver, dia, hora, segundos, dia_2, hora_2, segundos_2)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int LOOKUP_CHUNK = 1000;

    /**
     * Inserts the events whose event_id is not yet in {@code registro} and returns the ids this call
     * inserted. Rows are tagged with the batch id: an id already present (a redelivery, an HTTP retry)
     * keeps its old tag, so it is not returned and will not be added to the aggregates again. A
     * concurrent insert of the same id waits on the primary-key lock and then loses, never both win.
     */
    public Set<UUID> insertNew(Connection connection, List<UsageEvent> events, List<HourSlots> slots, UUID batchId)
            throws SQLException {
        String batch = batchId.toString();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int e = 0; e < events.size(); e++) {
                UsageEvent event = events.get(e);
                HourSlots slot = slots.get(e);
                ZoneId zone = ZoneId.of(event.tz());
                insert.setString(1, event.eventId().toString());
                insert.setLong(2, event.usuarioId());
                insert.setString(3, event.deviceId());
                insert.setString(4, event.dominio());
                insert.setObject(5, event.fechaHora().atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
                insert.setObject(6, event.fechaHora().atZoneSameInstant(zone).toLocalDateTime());
                insert.setString(7, event.tz());
                insert.setInt(8, event.tiempo());
                insert.setObject(9, event.recibidoEn().atOffset(ZoneOffset.UTC).toLocalDateTime());
                insert.setString(10, batch);
                insert.setInt(11, event.schemaVer());
                insert.setObject(12, slot.day());
                insert.setInt(13, slot.hour());
                insert.setInt(14, slot.seconds());
                insert.setObject(15, slot.day2());
                insert.setObject(16, slot.hasSecond() ? slot.hour2() : null);
                insert.setInt(17, slot.seconds2());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Set<UUID> inserted = new HashSet<>();
        for (int from = 0; from < events.size(); from += LOOKUP_CHUNK) {
            List<UsageEvent> chunk = events.subList(from, Math.min(events.size(), from + LOOKUP_CHUNK));
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
}
