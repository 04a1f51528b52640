package io.tiempocheck.e2e;

import io.tiempocheck.e2e.RandomTraffic.Batch;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tiempocheck.e2e.RandomTraffic.count;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-style checks over thousands of random, overlapping events: aggregates always equal what registro
 * says, and a device's time is counted once however its intervals overlap.
 */
class FeatureStoreConsistencyTest {

    private static final int EVENTS = 10_000;
    private static final int BATCH = 500;
    private TiempoCheckSystem system;

    @BeforeEach
    void start() {
        system = new TiempoCheckSystem().start();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void aggregatesEqualARecomputationFromRegistroAfterTenThousandRandomEvents() throws Exception {
        Map<User, ZoneId> users = users(5);
        RandomTraffic traffic = new RandomTraffic(20261127L);
        List<Batch> batches = traffic.batchesFor(users, EVENTS, BATCH);
        for (int i = 0; i < batches.size(); i++) {
            send(batches.get(i));
            if (i % 4 == 0) {
                send(batches.get(i)); // a client retry: must not count twice
            }
        }
        assertStoreMatches(traffic);
    }

    @Test
    void killingFeaturesServiceMidStreamLosesAndDoublesNothing() throws Exception {
        Map<User, ZoneId> users = users(3);
        RandomTraffic traffic = new RandomTraffic(4242L);
        List<Batch> batches = traffic.batchesFor(users, EVENTS, BATCH);
        AtomicInteger sentBatches = new AtomicInteger();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> batches.forEach(batch -> {
            send(batch);
            sentBatches.incrementAndGet();
        }));
        await().atMost(Duration.ofSeconds(60)).until(() -> sentBatches.get() >= batches.size() / 3);
        try (Connection db = system.featureStore()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT COUNT(*) FROM registro") > 0);
        }
        system.features.kill();
        Thread.sleep(1_000);
        system.features.start();
        stream.get();
        assertStoreMatches(traffic);
    }

    @Test
    void rebuildsRunningWhileEventsStreamInLoseAndDoubleNothing() throws Exception {
        Map<User, ZoneId> users = users(4);
        RandomTraffic traffic = new RandomTraffic(777L);
        List<Batch> batches = traffic.batchesFor(users, EVENTS, BATCH);
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> batches.forEach(this::send));
        int rebuilds = 0;
        while (!stream.isDone()) {
            // Every user, every day the traffic touches (plus a margin for the zones): rebuilt under the consumer's feet.
            system.featuresAdmin().queryParam("desde", "2026-01-30").queryParam("hasta", "2026-02-13")
                    .post("/admin/api/features_rebuild").then().statusCode(200);
            // 409: the scheduled catch-up (its first tick comes 5 s after start) holds the job's lock; as good a race.
            system.featuresAdmin().post("/admin/api/features_jobs/features_catchup").then().statusCode(anyOf(is(200), is(409)));
            rebuilds++;
        }
        stream.get();
        assertStoreMatches(traffic);
        assertTrue(rebuilds >= 2, "the rebuilds must overlap the stream, ran " + rebuilds);
    }

    private void assertStoreMatches(RandomTraffic traffic) throws Exception {
        try (Connection db = system.featureStore()) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(db, "SELECT COUNT(*) FROM registro") == EVENTS);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> RandomTraffic.storedHourly(db).equals(traffic.expected));
            var hourly = RandomTraffic.storedHourly(db);
            assertEquals(traffic.expected, hourly, "features_horarias against the events sent");
            assertEquals(RandomTraffic.recomputedFromRegistro(db), hourly, "features_horarias against a recomputation from registro");
            assertEquals(RandomTraffic.dailyOf(hourly), RandomTraffic.storedDaily(db), "features_diarias against the sum of its hours");
            RandomTraffic.countedAndCoveredByDevice(db).forEach((device, seconds) ->
                    assertEquals(seconds[1], seconds[0], "a device's counted seconds against the union of its intervals: " + device));
        }
    }

    private Map<User, ZoneId> users(int count) {
        String[] zones = {"America/Mexico_City", "America/Tijuana", "Europe/Madrid", "Asia/Kolkata", "America/Bogota"};
        Map<User, ZoneId> users = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            users.put(system.createUser("usuario-" + i, zones[i % zones.length]), ZoneId.of(zones[i % zones.length]));
        }
        return users;
    }

    private void send(Batch batch) {
        system.postEvents(batch.owner(), Events.batch(batch.events())).then().statusCode(202)
                .body("aceptados", equalTo(batch.events().size()));
    }
}
