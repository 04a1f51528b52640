package io.tiempocheck.features.recording;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Against the real MariaDB/MySQL: what a batch counts as resent, from the future or long past, per hour of reception. */
class ArrivalAnomalyRepositoryTest {

    private static final Instant FIRST_REQUEST = Instant.parse("2026-12-03T09:00:00.123Z");
    private static final Instant RESEND = Instant.parse("2026-12-03T10:15:00.456Z");

    private static MigratedDatabase database;
    private final RegistroRepository registro = new RegistroRepository();
    private final ArrivalAnomalyRepository anomalies = new ArrivalAnomalyRepository(Duration.ofDays(30));

    @BeforeAll
    static void createSchema() throws SQLException {
        database = new MigratedDatabase("anomalias");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        database.close();
    }

    @Test
    void aResendCountsAndARedeliveryOfTheSameRecordDoesNot() throws SQLException {
        long user = 11;
        UsageEvent sent = event(user, UUID.randomUUID(), FIRST_REQUEST.minusSeconds(120), FIRST_REQUEST);
        record(List.of(sent));
        UsageEvent resent = new UsageEvent(sent.schemaVer(), sent.eventId(), user, sent.deviceId(), sent.dominio(), sent.fechaHora(),
                sent.tiempo(), RESEND, sent.tz());
        UsageEvent future = event(user, UUID.randomUUID(), RESEND.plusSeconds(60), RESEND);
        UsageEvent old = event(user, UUID.randomUUID(), RESEND.minus(Duration.ofDays(31)), RESEND);
        UsageEvent recent = event(user, UUID.randomUUID(), RESEND.minus(Duration.ofDays(29)), RESEND);
        assertEquals(3, record(List.of(resent, sent, future, old, recent)));

        assertEquals(List.of(1L, 1L, 1L), List.of(counts(user, "2026-12-03 10:00:00")));
        assertFalse(exists(user, "2026-12-03 09:00:00"));
    }

    @Test
    void aCopyInsideTheBatchSentByAnotherRequestCounts() throws SQLException {
        long user = 12;
        UUID id = UUID.randomUUID();
        UsageEvent first = event(user, id, FIRST_REQUEST.minusSeconds(60), FIRST_REQUEST);
        UsageEvent retried = event(user, id, FIRST_REQUEST.minusSeconds(60), FIRST_REQUEST.plusSeconds(30));
        assertEquals(1, record(List.of(first, retried)));
        assertEquals(List.of(1L, 0L, 0L), List.of(counts(user, "2026-12-03 09:00:00")));
    }

    @Test
    void aBatchWithNothingOddWritesNothing() throws SQLException {
        long user = 13;
        record(List.of(event(user, UUID.randomUUID(), FIRST_REQUEST.minusSeconds(60), FIRST_REQUEST)));
        assertFalse(exists(user, "2026-12-03 09:00:00"));
    }

    /** Inserts the batch as the recorder does, counts its anomalies, commits; returns how many events were new. */
    private int record(List<UsageEvent> batch) throws SQLException {
        try (Connection connection = database.transaction()) {
            List<UsageEvent> fresh = registro.insertNew(connection, batch.stream().map(SlottedEvent::of).toList(), UUID.randomUUID())
                    .stream().map(SlottedEvent::event).toList();
            anomalies.record(connection, batch, fresh);
            connection.commit();
            return fresh.size();
        }
    }

    private static Long[] counts(long user, String hour) throws SQLException {
        try (Connection connection = database.transaction(); PreparedStatement select = connection.prepareStatement(
                "SELECT duplicados, futuros, antiguos FROM entrada_anomalias WHERE usuario_id = ? AND hora = ?")) {
            select.setLong(1, user);
            select.setString(2, hour);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
            }
        }
    }

    private static boolean exists(long user, String hour) throws SQLException {
        try (Connection connection = database.transaction(); PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM entrada_anomalias WHERE usuario_id = ? AND hora = ?")) {
            select.setLong(1, user);
            select.setString(2, hour);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static UsageEvent event(long user, UUID id, Instant start, Instant received) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, id, user, "d-1", "github.com", OffsetDateTime.ofInstant(start, ZoneOffset.ofHours(-6)),
                30, received, "America/Mexico_City");
    }
}
