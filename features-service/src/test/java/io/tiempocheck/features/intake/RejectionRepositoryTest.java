package io.tiempocheck.features.intake;

import io.tiempocheck.common.event.IngestRejection;
import io.tiempocheck.features.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against the real MariaDB/MySQL: each record of the rejections topic adds to its hour once, however often it comes. */
class RejectionRepositoryTest {

    private static MigratedDatabase database;
    private final RejectionRepository repository = new RejectionRepository();

    @BeforeAll
    static void createSchema() throws SQLException {
        database = new MigratedDatabase("rechazos");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        database.close();
    }

    @Test
    void recordsAddToTheirHourAndARedeliveryAddsNothing() throws SQLException {
        String topic = "rechazos-redelivery";
        List<ReceivedRejection> first = List.of(
                received(topic, 0, 0, 5, "fecha_hora", 3, "2026-12-03T09:10:00Z"),
                received(topic, 0, 1, 5, "fecha_hora", 2, "2026-12-03T09:50:00Z"),
                received(topic, 1, 0, 5, "fecha_hora", 1, "2026-12-03T10:05:00Z"),
                received(topic, 1, 1, 6, IngestRejection.INVALID_BATCH, 1, "2026-12-03T09:20:00Z"));
        assertEquals(4, apply(first, first));
        // Redelivered after a crash, with one record more behind them: only that one adds.
        List<ReceivedRejection> again = List.of(first.get(0), first.get(1), received(topic, 0, 2, 5, "fecha_hora", 4, "2026-12-03T09:55:00Z"));
        assertEquals(1, apply(again, again));

        assertEquals(9, sum(5, "fecha_hora", "2026-12-03 09:00:00"));
        assertEquals(1, sum(5, "fecha_hora", "2026-12-03 10:00:00"));
        assertEquals(1, sum(6, IngestRejection.INVALID_BATCH, "2026-12-03 09:00:00"));
    }

    @Test
    void recordsReadButNotCountedStillMoveThePosition() throws SQLException {
        String topic = "rechazos-skipped";
        ReceivedRejection erasedUser = received(topic, 0, 0, 7, "dominio", 4, "2026-12-03T09:00:00Z");
        ReceivedRejection unreadable = new ReceivedRejection(topic, 0, 1, null);
        assertEquals(0, apply(List.of(erasedUser, unreadable), List.of()));
        // Had the position stayed, this one (offset 0, now counted) would add.
        assertEquals(0, apply(List.of(erasedUser), List.of(erasedUser)));
        assertEquals(0, sum(7, "dominio", "2026-12-03 09:00:00"));
    }

    @Test
    void aRolledBackBatchLeavesNeitherSumsNorPosition() throws SQLException {
        String topic = "rechazos-rollback";
        List<ReceivedRejection> batch = List.of(received(topic, 0, 0, 8, "tiempo", 2, "2026-12-03T09:00:00Z"));
        try (Connection connection = database.transaction()) {
            assertEquals(1, repository.apply(connection, batch, batch));
            connection.rollback();
        }
        assertEquals(1, apply(batch, batch));
        assertEquals(2, sum(8, "tiempo", "2026-12-03 09:00:00"));
    }

    private int apply(List<ReceivedRejection> read, List<ReceivedRejection> counted) throws SQLException {
        try (Connection connection = database.transaction()) {
            int added = repository.apply(connection, read, counted);
            connection.commit();
            return added;
        }
    }

    private static long sum(long userId, String reason, String hour) throws SQLException {
        try (Connection connection = database.transaction(); PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(SUM(cantidad), 0) FROM rechazos_ingesta WHERE usuario_id = ? AND motivo = ? AND hora = ?")) {
            select.setLong(1, userId);
            select.setString(2, reason);
            select.setString(3, hour);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static ReceivedRejection received(String topic, int partition, long offset, long userId, String reason, long count, String at) {
        return new ReceivedRejection(topic, partition, offset,
                new IngestRejection(IngestRejection.SCHEMA_VERSION, userId, reason, count, Instant.parse(at)));
    }
}
