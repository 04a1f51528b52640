package io.tiempocheck.features.repository;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.service.HourSlots;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        List<HourSlots> slots = events.stream()
                .map(e -> HourSlots.of(e.fechaHora(), e.tiempo(), ZoneId.of(e.tz()))).toList();
        return registro.insertNew(connection, events, slots, UUID.randomUUID());
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
