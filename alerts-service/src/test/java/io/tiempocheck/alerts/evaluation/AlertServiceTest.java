package io.tiempocheck.alerts.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.tiempocheck.alerts.limits.LimitRequest;
import io.tiempocheck.alerts.limits.LimitService;
import io.tiempocheck.alerts.stream.AlertNotice;
import io.tiempocheck.common.testing.TestTokens;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation's messaging edges in memory: a feature update handed to the consumer raises its
 * alerts once, each stored alert is announced on the notices channel, and what cannot be evaluated
 * is dead-lettered with its reason.
 */
@QuarkusTest
class AlertServiceTest {

    private static final AtomicLong USERS = new AtomicLong(30_000);
    private static final ZoneId ZONE = ZoneId.of(TestTokens.ZONE);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 10);

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    LimitService limits;
    @Inject
    AlertService alerts;

    @Test
    void anUpdateOverALimitRaisesOneAlertPerLevelAndAnnouncesIt() throws SQLException {
        long user = USERS.incrementAndGet();
        long limit = limits.create(user, ZONE, new LimitRequest(null, "reddit.com", 600, 80, null, null)).id();
        InMemorySink<AlertNotice> notices = connector.sink("alert-notices-out");
        notices.clear();

        send(user, update(user, "{\"reddit.com\":500}"));
        await(() -> alertsOf(user).size() == 1);
        send(user, update(user, "{\"reddit.com\":500}"));
        send(user, update(user, "{\"reddit.com\":700}"));
        await(() -> alertsOf(user).size() == 2);
        send(user, update(user, "{\"reddit.com\":800}"));

        List<Alert> raised = alertsOf(user);
        assertEquals(List.of(AlertLevel.PROXIMIDAD, AlertLevel.EXCESO), raised.stream().map(Alert::level).toList());
        assertEquals(limit, raised.get(0).limitId());
        await(() -> notices.received().size() == 2);
        assertEquals(raised.stream().map(Alert::id).toList(),
                notices.received().stream().map(Message::getPayload).map(AlertNotice::id).toList());
        assertTrue(notices.received().stream().allMatch(notice -> notice.getPayload().usuarioId() == user));
    }

    @Test
    void anUpdateThatCannotBeEvaluatedIsDeadLetteredWithItsReason() {
        InMemorySink<String> deadLetters = connector.sink("feature-updates-dlq");
        deadLetters.clear();
        send(1, "not json");
        send(1, "{\"schema_ver\":99,\"usuario_id\":1,\"dia\":\"2026-03-10\"}");
        send(1, update(1, "{\"reddit.com\":-5}"));
        await(() -> deadLetters.received().size() == 3);
        assertEquals(List.of("not json", "{\"schema_ver\":99,\"usuario_id\":1,\"dia\":\"2026-03-10\"}", update(1, "{\"reddit.com\":-5}")),
                deadLetters.received().stream().map(Message::getPayload).toList());
    }

    private List<Alert> alertsOf(long user) {
        try {
            return alerts.ofDay(user, TUESDAY);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String update(long user, String domains) {
        return "{\"schema_ver\":1,\"usuario_id\":" + user + ",\"dia\":\"" + TUESDAY + "\",\"dominios\":" + domains
                + ",\"categorias\":{},\"leido_en\":\"2026-03-10T18:00:00Z\"}";
    }

    private void send(long user, String value) {
        InMemorySource<ConsumerRecord<String, String>> updates = connector.source("feature-updates");
        updates.send(new ConsumerRecord<>("tiempocheck.feature-updates.v1", 0, 0, Long.toString(user), value));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
