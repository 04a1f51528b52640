package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static io.tiempocheck.e2e.RandomTraffic.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out on the topics' deployed partitions (issue 18): three replicas of features-service share the
 * usage events and two of alerts-service the feature updates; a replica killed with kill -9 mid-stream
 * loses no second and counts none twice, and an alert stream moves to another replica without a gap.
 * The killed replica comes back under its own instance id, as Kubernetes restarts a crashed container:
 * a replica under a new id would wait out the dead one's session (45 s) before its partitions move.
 */
class ScaleOutTest {

    private static final int EVENTS = 50_000;
    private static final int USERS = 24;
    private static final int BATCH = 100;
    /** The stream lasts about this long at least, so the kill lands in its middle on a fast machine too. */
    private static final Duration STREAM = Duration.ofSeconds(12);
    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(60);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static TiempoCheckSystem system;
    private static List<ServiceProcess> features;

    @BeforeAll
    static void start() {
        system = new TiempoCheckSystem().withDeployedPartitions().start();
        // The sweep is set out of the way: only the fan-out over the notice topic and Last-Event-ID carry alerts here.
        CompletableFuture<TiempoCheckSystem> alerts = CompletableFuture.supplyAsync(() ->
                system.startAlerts(2, "TIEMPOCHECK_ALERTS_STREAM_SWEEP_INTERVAL", "PT10M"));
        features = new ArrayList<>(List.of(system.features));
        features.addAll(system.startFeaturesReplicas(2));
        alerts.join();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void threeFeaturesReplicasOneKilledMidStreamCountEverySecondOnce() throws Exception {
        List<User> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(system.createUser("scale-" + u, "UTC"));
        }
        // Each user's events follow one another with gaps, some across an hour's end; the batches of all users interleave.
        Map<String, Long> expected = new TreeMap<>();
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        // Registrable domains already, as ingest stores them (it keeps www.youtube.com as youtube.com).
        String[] domains = {"github.com", "youtube.com", "wikipedia.org", "bbc.co.uk", "duolingo.com"};
        OffsetDateTime[] next = new OffsetDateTime[USERS];
        for (int u = 0; u < USERS; u++) {
            next[u] = OffsetDateTime.parse("2026-11-20T00:00:00Z").plusMinutes(u);
        }
        List<User> owners = new ArrayList<>();
        for (int b = 0; b < EVENTS / BATCH; b++) {
            int u = b % USERS;
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                int seconds = 1 + (b * 31 + i * 17) % 170;
                String domain = domains[(b + i) % domains.length];
                events.add(event(UUID.randomUUID().toString(), domain, next[u].toString(), seconds));
                Events.addSecondBySecond(expected, users.get(u).id(), domain, next[u], seconds, UTC);
                next[u] = next[u].plusSeconds(seconds + (i % 3) * 5L);
            }
            batches.add(events);
            owners.add(users.get(u));
        }

        // The other test's users write to the same feature store.
        String ours = " WHERE usuario_id IN (" + String.join(",", users.stream().map(user -> Long.toString(user.id())).toList()) + ")";
        AtomicInteger sent = new AtomicInteger();
        long pause = STREAM.toMillis() / batches.size();
        long streamStart = System.nanoTime();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int b = 0; b < batches.size(); b++) {
                system.postEvents(owners.get(b), batch(batches.get(b))).then().statusCode(202);
                sent.addAndGet(batches.get(b).size());
                sleep(pause);
            }
        });
        ServiceProcess victim = features.get(1);
        long countedAtKill;
        try (Connection db = system.featureStore()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count(db, "SELECT COUNT(*) FROM registro" + ours) >= EVENTS / 4);
            victim.kill();
            countedAtKill = count(db, "SELECT COUNT(*) FROM registro" + ours);
        }
        int sentAtKill = sent.get();
        victim.start();
        stream.join();
        double streamSeconds = (System.nanoTime() - streamStart) / 1e9;
        assertTrue(sentAtKill < EVENTS, "the stream had ended before the kill (" + sentAtKill + " sent)");

        try (Connection db = system.featureStore()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(db, "SELECT COUNT(*) FROM registro" + ours) >= EVENTS);
            assertEquals(EVENTS, count(db, "SELECT COUNT(*) FROM registro" + ours));
            // A batch's aggregates commit with its registro rows, so they are complete once registro is.
            assertEquals(Map.of(), differences(expected, hourly(db, ours)), "features_horarias against the seconds sent, per user-hour-domain");
            assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(),
                    count(db, "SELECT SUM(segundos) FROM features_diarias" + ours), "features_diarias against the seconds sent");
        }
        System.out.printf("scale-out: %,d of %,d events sent and %,d counted when features-service-1 was killed; stream %.1f s%n",
                sentAtKill, EVENTS, countedAtKill, streamSeconds);
    }

    @Test
    void alertStreamsSurviveAKilledAlertsReplicaAndLastEventIdResumesOnAnother() throws Exception {
        User eva = system.createUser("Eva", "UTC");
        String[] domains = {"netflix.com", "twitch.tv", "reddit.com"};
        for (String domain : domains) {
            system.createLimit(eva, Map.of("dominio", domain, "segundos_diarios", 100));
        }
        ServiceProcess first = system.alerts.get(0);
        SseClient onFirst = stream(0, eva, null);
        String lastSeen;
        try (SseClient onSecond = stream(1, eva, null)) {
            post(eva, domains[0], "10:00:00", 80);
            SseClient.Event warning = onFirst.next(ARRIVES_WITHIN);
            assertNotNull(warning, "the first replica's stream got nothing");
            assertEquals(warning.id(), nextId(onSecond));
            lastSeen = warning.id();

            first.kill();
            onFirst.close();
            // Back under its own id, so the feature-update partitions it held are evaluated again at once.
            CompletableFuture<Void> restart = CompletableFuture.runAsync(first::start);
            List<String> missed = new ArrayList<>();
            post(eva, domains[0], "10:01:20", 20);
            missed.add(nextId(onSecond));
            post(eva, domains[1], "10:02:00", 80);
            missed.add(nextId(onSecond));
            post(eva, domains[1], "10:03:20", 20);
            missed.add(nextId(onSecond));
            restart.join();

            try (SseClient resumed = stream(1, eva, lastSeen)) {
                List<String> replayed = new ArrayList<>();
                for (int i = 0; i < missed.size(); i++) {
                    replayed.add(nextId(resumed));
                }
                assertEquals(missed, replayed, "the alerts after Last-Event-ID, on the other replica");
                assertNull(resumed.next(Duration.ofSeconds(1)), "an alert twice on the resumed stream");
            }
            assertNull(onSecond.next(Duration.ZERO), "an alert twice on the surviving stream");
        }
        List<String> levels = system.alerts(1, eva).get("/api/v1/alertas?dia=2026-11-21").then().statusCode(200)
                .extract().jsonPath().getList("nivel");
        assertEquals(List.of("exceso", "exceso", "proximidad", "proximidad"), levels.stream().sorted().toList(),
                "each crossing raised once, the kill notwithstanding");
    }

    private static void post(User user, String domain, String time, int seconds) {
        system.postEvents(user, batch(List.of(event(domain, "2026-11-21T" + time + "Z", seconds)))).then().statusCode(202);
    }

    private static String nextId(SseClient stream) throws InterruptedException {
        SseClient.Event alert = stream.next(ARRIVES_WITHIN);
        assertNotNull(alert, "no alert within " + ARRIVES_WITHIN);
        assertNotNull(JsonPath.from(alert.data()).getString("nivel"));
        return alert.id();
    }

    private static SseClient stream(int replica, User user, String lastEventId) {
        SseClient stream = new SseClient(system.alerts.get(replica).baseUrl() + "/api/v1/alertas/stream", user.token(), lastEventId);
        assertEquals(200, stream.status, stream.body);
        return stream;
    }

    /** Each user|day|hour|domain whose seconds differ: "expected -> stored" (0 for a row that is missing or should not exist). */
    private static Map<String, String> differences(Map<String, Long> expected, Map<String, Long> stored) {
        Map<String, String> differ = new TreeMap<>();
        expected.forEach((key, seconds) -> {
            if (!seconds.equals(stored.get(key))) {
                differ.put(key, seconds + " -> " + stored.getOrDefault(key, 0L));
            }
        });
        stored.forEach((key, seconds) -> {
            if (!expected.containsKey(key)) {
                differ.put(key, "0 -> " + seconds);
            }
        });
        return differ;
    }

    private static Map<String, Long> hourly(Connection db, String where) throws Exception {
        Map<String, Long> rows = new TreeMap<>();
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT usuario_id, dia, hora, dominio, segundos FROM features_horarias" + where)) {
            while (row.next()) {
                rows.put(Events.hourKey(row.getLong(1), row.getObject(2, LocalDate.class), row.getInt(3), row.getString(4)), row.getLong(5));
            }
        }
        return rows;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
