package io.tiempocheck.features.recording;

import io.tiempocheck.common.event.UsageEvent;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real MariaDB/MySQL: which events a batch may count as new, also when two batches race. */
class RegistroRepositoryTest {

    private static final String SERVER = "jdbc:mysql://" + System.getProperty("tiempocheck.mysql", "127.0.0.1:3306") + "/";
    private static final String DATABASE = "tc_registro_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String URL = SERVER + DATABASE + "?useServerPrepStmts=true&cachePrepStmts=true&prepStmtCacheSqlLimit=65536";

    private final RegistroRepository registro = new RegistroRepository();

    @BeforeAll
    static void createSchema() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER, "root", ""); Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        Flyway.configure().dataSource(URL, "root", "").locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER, "root", ""); Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void aRedeliveredEventAndOneRepeatedInsideABatchAreNewOnce() throws SQLException {
        UsageEvent a = event();
        UsageEvent b = event();
        UsageEvent c = event();
        try (Connection connection = transaction()) {
            assertEquals(List.of(a, b), insertNew(connection, List.of(a, b)));
            connection.commit();
            assertEquals(List.of(c), insertNew(connection, List.of(a, c, c, b)));
            connection.commit();
        }
    }

    @Test
    void theSameEventIdOfAnotherUserIsAnotherEvent() throws SQLException {
        UsageEvent ana = event();
        UsageEvent ben = new UsageEvent(ana.schemaVer(), ana.eventId(), 8, "d-2", ana.dominio(), ana.fechaHora(), 30,
                ana.recibidoEn(), ana.tz());
        try (Connection connection = transaction()) {
            assertEquals(List.of(ana), insertNew(connection, List.of(ana)));
            connection.commit();
            assertEquals(List.of(ben), insertNew(connection, List.of(ben, ana)));
            connection.commit();
        }
    }

    @Test
    void anIdResentWithAnotherStartOnAnotherDayCountsOnce() throws SQLException {
        UsageEvent first = event();
        UsageEvent moved = new UsageEvent(first.schemaVer(), first.eventId(), first.usuarioId(), first.deviceId(), first.dominio(),
                first.fechaHora().plusDays(3), 300, first.recibidoEn(), first.tz());
        try (Connection connection = transaction()) {
            assertEquals(List.of(first), insertNew(connection, List.of(first)));
            connection.commit();
            assertEquals(List.of(), insertNew(connection, List.of(moved)));
            UsageEvent fresh = event();
            assertEquals(List.of(fresh), insertNew(connection, List.of(moved, fresh)));
            connection.commit();
        }
    }

    @Test
    void whenTwoBatchesRaceForAnEventTheSecondWaitsAndDoesNotCountIt() throws Exception {
        UsageEvent x = event();
        UsageEvent y = event();
        UsageEvent z = event();
        try (Connection first = transaction(); Connection second = transaction()) {
            assertEquals(List.of(x, y), insertNew(first, List.of(x, y)));
            CompletableFuture<List<UsageEvent>> secondNew = insertLater(second, List.of(y, z));
            Thread.sleep(500);
            assertFalse(secondNew.isDone(), "the second batch must wait for the first one's row lock on y");
            first.commit();
            assertEquals(List.of(z), secondNew.get(10, TimeUnit.SECONDS));
            second.commit();
        }
    }

    @Test
    void whenTheFirstBatchRollsBackTheRacingOneCountsTheEvent() throws Exception {
        UsageEvent y = event();
        UsageEvent z = event();
        try (Connection first = transaction(); Connection second = transaction()) {
            assertEquals(List.of(y), insertNew(first, List.of(y)));
            CompletableFuture<List<UsageEvent>> secondNew = insertLater(second, List.of(y, z));
            Thread.sleep(500);
            first.rollback();
            assertEquals(List.of(y, z), secondNew.get(10, TimeUnit.SECONDS));
            second.commit();
        }
    }

    @Test
    void batchesLargerThanOneStatementAreCountedWhole() throws SQLException {
        List<UsageEvent> events = Stream.generate(RegistroRepositoryTest::event).limit(2_345).toList();
        try (Connection connection = transaction()) {
            assertEquals(events, insertNew(connection, events));
            connection.commit();
            List<UsageEvent> again = new ArrayList<>(events.subList(1_000, 1_500));
            UsageEvent fresh = event();
            again.add(fresh);
            assertEquals(List.of(fresh), insertNew(connection, again));
            connection.commit();
        }
    }

    @Test
    void valuesAreStoredExactlyWhateverCharactersTheyHold() throws SQLException {
        String[] devices = {"it's", "back\\slash\\", "\"; DROP TABLE registro; --", "ñandú-日本-😀", "tab\tnew\nline\u0000nul", ""};
        List<UsageEvent> events = new ArrayList<>();
        for (String device : devices) {
            events.add(new UsageEvent(UsageEvent.SCHEMA_VERSION, UUID.randomUUID(), 8, device, "x'y\\z.com",
                    OffsetDateTime.parse("2026-03-01T23:59:30.123456+05:45"), 90, Instant.parse("2026-03-01T18:15:00.000001Z"),
                    "Asia/Kathmandu"));
        }
        try (Connection connection = transaction()) {
            assertEquals(events, insertNew(connection, events));
            connection.commit();
            for (UsageEvent event : events) {
                try (PreparedStatement select = connection.prepareStatement("SELECT device_id, dominio, fecha_hora, fecha_hora_local,"
                        + " recibido_en, dia, hora, segundos, dia_2, hora_2, segundos_2 FROM registro WHERE event_id = ?")) {
                    select.setString(1, event.eventId().toString());
                    try (ResultSet row = select.executeQuery()) {
                        assertTrue(row.next());
                        assertEquals(event.deviceId(), row.getString(1));
                        assertEquals("x'y\\z.com", row.getString(2));
                        // DATETIME(3): the server keeps milliseconds of the microseconds it is sent.
                        assertEquals(LocalDateTime.parse("2026-03-01T18:14:30.123"), row.getObject(3, LocalDateTime.class));
                        assertEquals(LocalDateTime.parse("2026-03-01T23:59:30.123"), row.getObject(4, LocalDateTime.class));
                        assertEquals(LocalDateTime.parse("2026-03-01T18:15:00"), row.getObject(5, LocalDateTime.class));
                        assertEquals("2026-03-01/23/30 2026-03-02/0/60",
                                row.getString(6) + "/" + row.getInt(7) + "/" + row.getInt(8) + " " + row.getString(9) + "/"
                                        + row.getInt(10) + "/" + row.getInt(11));
                    }
                }
            }
        }
    }

    private CompletableFuture<List<UsageEvent>> insertLater(Connection connection, List<UsageEvent> events) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return insertNew(connection, events);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** As the recorder calls it: each event with its hour split. */
    private List<UsageEvent> insertNew(Connection connection, List<UsageEvent> events) throws SQLException {
        List<SlottedEvent> slotted = events.stream().map(SlottedEvent::of).toList();
        return registro.insertNew(connection, slotted, UUID.randomUUID()).stream().map(SlottedEvent::event).toList();
    }

    private static Connection transaction() throws SQLException {
        Connection connection = DriverManager.getConnection(URL, "root", "");
        connection.setAutoCommit(false);
        return connection;
    }

    private static UsageEvent event() {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, UUID.randomUUID(), 7, "d-1", "youtube.com",
                OffsetDateTime.parse("2026-03-01T10:00:07-06:00"), 60, Instant.parse("2026-03-01T16:00:00.123456Z"), "America/Mexico_City");
    }
}
