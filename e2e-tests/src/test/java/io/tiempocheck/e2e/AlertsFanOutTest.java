package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two replicas of alerts-service: an alert raised by either reaches the user's streams on both.
 * The replicas' periodic sweep is set to ten minutes, so within the test only the Kafka fan-out
 * can carry an alert to the replica that did not raise it.
 */
class AlertsFanOutTest {

    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(30);
    private static TiempoCheckSystem system;

    @BeforeAll
    static void start() {
        system = new TiempoCheckSystem().start().startAlerts(2, "TIEMPOCHECK_ALERTS_STREAM_SWEEP_INTERVAL", "PT10M");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aStreamOnEitherReplicaReceivesEveryAlertWhicheverReplicaRaisedIt() throws Exception {
        List<User> users = List.of(system.createUser("Ana", null), system.createUser("Ben", null), system.createUser("Eva", null));
        for (User user : users) {
            system.createLimit(user, Map.of("dominio", "youtube.com", "segundos_diarios", 100));
        }
        for (User user : users) {
            // Users land on different partitions of the shared evaluation group, so both replicas raise alerts here.
            try (SseClient onA = stream(0, user); SseClient onB = stream(1, user)) {
                system.postEvents(user, batch(List.of(event("youtube.com", "2026-03-14T10:00:00-06:00", 80)))).then().statusCode(202);
                assertSameAlert("proximidad", onA, onB);
                system.postEvents(user, batch(List.of(event("youtube.com", "2026-03-14T10:05:00-06:00", 20)))).then().statusCode(202);
                assertSameAlert("exceso", onA, onB);
                assertNull(onA.next(Duration.ofSeconds(1)));
                assertNull(onB.next(Duration.ZERO));
            }
        }
    }

    private static void assertSameAlert(String level, SseClient onA, SseClient onB) throws InterruptedException {
        SseClient.Event a = onA.next(ARRIVES_WITHIN);
        SseClient.Event b = onB.next(ARRIVES_WITHIN);
        assertNotNull(a, "replica A's stream got nothing");
        assertNotNull(b, "replica B's stream got nothing");
        assertEquals(a.id(), b.id());
        assertEquals(level, JsonPath.from(a.data()).getString("nivel"));
        assertEquals(a.data(), b.data());
    }

    private static SseClient stream(int replica, User user) {
        SseClient stream = new SseClient(system.alerts.get(replica).baseUrl() + "/api/v1/alertas/stream", user.token(), null);
        assertEquals(200, stream.status, stream.body);
        return stream;
    }
}
