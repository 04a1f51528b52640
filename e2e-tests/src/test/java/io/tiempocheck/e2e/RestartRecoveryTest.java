package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static io.tiempocheck.e2e.RandomTraffic.count;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a kill -9 and a restart, the consumers work again as soon as the service is up: the broker
 * does not make the restarted replica wait out its dead predecessor's session (static membership).
 */
class RestartRecoveryTest {

    private static final Duration RESUMES_WITHIN = Duration.ofSeconds(15);
    private static TiempoCheckSystem system;

    @BeforeAll
    static void start() {
        system = new TiempoCheckSystem().start().startAlerts(1);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void featuresServiceKilledMidStreamCountsNewEventsWithin15SecondsOfItsRestart() throws Exception {
        User ana = system.createUser("Ana", null);
        AtomicBoolean streaming = new AtomicBoolean(true);
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int b = 0; streaming.get(); b++) {
                List<Map<String, Object>> events = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    events.add(event("github.com", "2026-03-25T" + String.format("%02d:%02d", b % 24, i) + ":00-06:00", 1));
                }
                system.postEvents(ana, batch(events)).then().statusCode(202);
            }
        });
        try (Connection db = system.featureStore()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "SELECT COUNT(*) FROM registro") > 0);
        }
        system.features.kill();
        long launched = System.nanoTime();
        system.features.start();
        long ready = System.nanoTime();
        streaming.set(false);
        stream.get();

        User ben = system.createUser("Ben", null);
        system.postEvents(ben, batch(List.of(event("duolingo.com", "2026-03-25T10:00:00-06:00", 42)))).then().statusCode(202);
        long posted = System.nanoTime();
        await().atMost(RESUMES_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                system.getUsage(ben, "/horario?dia=2026-03-25").then().statusCode(200).body("segundos", equalTo(42)));
        System.out.printf("features-service: ready %.1f s after its restart; an event posted then was counted %.1f s later%n",
                (ready - launched) / 1e9, (System.nanoTime() - posted) / 1e9);
    }

    @Test
    void alertsServiceKilledRaisesAnAlertWithin15SecondsOfItsRestart() throws Exception {
        User eva = system.createUser("Eva", null);
        long limit = system.createLimit(eva, Map.of("dominio", "netflix.com", "segundos_diarios", 60));
        system.postEvents(eva, batch(List.of(event("netflix.com", "2026-03-26T10:00:00-06:00", 30)))).then().statusCode(202);
        // The first update evaluated (30 s, below the warning): the replica is a member holding its partition.
        await().atMost(Duration.ofSeconds(60)).until(() -> system.getUsage(eva, "/horario?dia=2026-03-26").jsonPath()
                .getInt("segundos") == 30);
        Thread.sleep(1_000);
        ServiceProcess alerts = system.alerts.get(0);
        alerts.kill();
        long launched = System.nanoTime();
        alerts.start();
        long ready = System.nanoTime();

        system.postEvents(eva, batch(List.of(event("netflix.com", "2026-03-26T10:01:00-06:00", 60)))).then().statusCode(202);
        long posted = System.nanoTime();
        await().atMost(RESUMES_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                system.alerts(eva).get("/api/v1/alertas?dia=2026-03-26").then().statusCode(200)
                        .body("limite_id", hasSize(1)).body("limite_id[0]", equalTo((int) limit)).body("nivel[0]", equalTo("exceso")));
        double seconds = (System.nanoTime() - posted) / 1e9;
        System.out.printf("alerts-service: ready %.1f s after its restart; an alert due then was raised %.1f s later%n",
                (ready - launched) / 1e9, seconds);
        assertTrue(seconds <= RESUMES_WITHIN.toSeconds());
    }
}
