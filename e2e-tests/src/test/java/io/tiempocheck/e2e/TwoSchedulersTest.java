package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of features-service on one database, every job ticking every second on both: the
 * run records show that no two runs of the same job ever overlapped, and that both replicas ran jobs.
 */
class TwoSchedulersTest {

    private static TiempoCheckSystem system;

    @BeforeAll
    static void start() {
        system = new TiempoCheckSystem(Map.of(
                "TIEMPOCHECK_FEATURES_JOBS_FIRST_RUN_DELAY", "1s",
                "TIEMPOCHECK_FEATURES_JOBS_HOURLY_EVERY", "1s",
                "TIEMPOCHECK_FEATURES_JOBS_DAILY_EVERY", "1s",
                "TIEMPOCHECK_FEATURES_JOBS_CATCHUP_EVERY", "1s",
                "TIEMPOCHECK_FEATURES_QUALITY_EVERY", "1s")).start();
        system.startAnotherFeaturesReplica();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void twoReplicasNeverRunTheSameJobAtOnce() throws Exception {
        // Work for the jobs: a few hundred events over the last weeks, and a corruption the catch-up must repair.
        ZoneId mexico = ZoneId.of("America/Mexico_City");
        User ana = system.createUser("Ana", mexico.getId());
        List<Object> events = new ArrayList<>();
        LocalDate today = LocalDate.now(mexico);
        for (int i = 0; i < 400; i++) {
            LocalDate day = today.minusDays(1 + i % 20);
            events.add(event(i % 2 == 0 ? "youtube.com" : "github.com",
                    day.atTime(i % 24, (i * 7) % 60).atZone(mexico).toOffsetDateTime().toString(), 60 + i));
        }
        system.postEvents(ana, batch(events)).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM registro") == 400);
        try (Connection db = system.featureStore()) {
            db.createStatement().executeUpdate("UPDATE features_horarias SET segundos = segundos + 1");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> instancesThatRan() >= 2 && count(
                "SELECT COUNT(*) FROM features_jobs_ejecuciones WHERE estado = 'ok'") >= 30);

        Map<String, List<Run>> byJob = runsByJob();
        for (var job : byJob.entrySet()) {
            List<Run> runs = job.getValue();
            for (int i = 1; i < runs.size(); i++) {
                Run previous = runs.get(i - 1);
                Run next = runs.get(i);
                assertTrue(previous.end() != null && !next.start().before(previous.end()),
                        job.getKey() + ": run " + next + " started before " + previous + " ended");
            }
        }
        assertEquals(Set.of("features_horarias", "features_diarias", "features_catchup", "qa_datos"), byJob.keySet());
        assertEquals(0, count("SELECT COUNT(*) FROM features_jobs_ejecuciones WHERE estado = 'error'"));
        // The corruption was repaired by one of them.
        await().atMost(Duration.ofSeconds(30)).until(() -> system.featuresAdmin().queryParam("desde", today.minusDays(25).toString())
                .queryParam("hasta", today.toString()).get("/features_qa").jsonPath().getInt("resumen.dias_con_delta") == 0);
    }

    private record Run(String instance, Timestamp start, Timestamp end) {
    }

    private static Map<String, List<Run>> runsByJob() throws SQLException {
        Map<String, List<Run>> runs = new HashMap<>();
        try (Connection db = system.featureStore();
             PreparedStatement statement = db.prepareStatement(
                     "SELECT job, instancia, inicio, fin FROM features_jobs_ejecuciones WHERE estado <> 'en_curso' ORDER BY inicio, id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                runs.computeIfAbsent(rows.getString(1), job -> new ArrayList<>())
                        .add(new Run(rows.getString(2), rows.getTimestamp(3), rows.getTimestamp(4)));
            }
        }
        return runs;
    }

    private static int instancesThatRan() throws SQLException {
        Set<String> instances = new HashSet<>();
        runsByJob().values().forEach(list -> list.forEach(run -> instances.add(run.instance())));
        return instances.size();
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = system.featureStore(); ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
