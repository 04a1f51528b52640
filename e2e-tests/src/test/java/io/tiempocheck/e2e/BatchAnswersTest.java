package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static io.tiempocheck.e2e.RandomTraffic.count;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a 202 says is what the feature store holds: no event counted that is not stored, none stored that was not counted. */
@ExtendWith(SharedSystem.class)
class BatchAnswersTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);
    private static TiempoCheckSystem system;

    @BeforeAll
    static void share(TiempoCheckSystem shared) {
        system = shared;
    }

    @Test
    void theSecondEventWithAnIdOfTheSameBatchIsListedApartAndNotCounted() {
        User ana = system.createUser("Ana", null);
        String id = UUID.randomUUID().toString();
        system.postEvents(ana, batch(List.of(
                        event(id, "github.com", "2026-03-22T10:00:00-06:00", 5),
                        event(id, "github.com", "2026-03-22T10:10:00-06:00", 50))))
                .then().statusCode(202)
                .body("aceptados", equalTo(1)).body("rechazados", hasSize(0))
                .body("duplicados", equalTo(1))
                .body("duplicados_detalle[0].indice", equalTo(1)).body("duplicados_detalle[0].event_id", equalTo(id))
                .body("duplicados_detalle[0].campo", equalTo("event_id"))
                .body("duplicados_detalle[0].motivo", equalTo("repite el event_id del evento 0 de este lote; solo cuenta el primero"));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=2026-03-22").then()
                .statusCode(200).body("segundos", equalTo(5)));
    }

    @Test
    void timeFromOneDeviceIsCountedOnceHoweverItsIntervalsOverlap() throws Exception {
        User ana = system.createUser("Ana", null);
        double trimmedBefore = system.featuresCounter("tiempocheck_events_trimmed_seconds_total");
        List<Map<String, Object>> sameHour = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sameHour.add(event("youtube.com", "2026-03-27T10:00:00-06:00", 3600));
        }
        system.postEvents(ana, batch(sameHour)).then().statusCode(202).body("aceptados", equalTo(500));
        // Later, from the same device: 10:30-11:30 adds only its last half hour; 11:15-11:20 adds nothing.
        system.postEvents(ana, batch(List.of(event("github.com", "2026-03-27T10:30:00-06:00", 3600)))).then().statusCode(202);
        system.postEvents(ana, batch(List.of(event("github.com", "2026-03-27T11:15:00-06:00", 300)))).then().statusCode(202);
        system.postEvents(ana, batch(List.of(event("npmjs.com", "2026-03-27T12:00:00-06:00", 1)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=2026-03-27").then()
                .statusCode(200).body("horas[12].segundos", equalTo(1)));
        system.getUsage(ana, "/horario?dia=2026-03-27").then()
                .body("segundos", equalTo(3600 + 1800 + 1))
                .body("horas[10].segundos", equalTo(3600))
                .body("horas[11].segundos", equalTo(1800))
                .body("horas[11].dominios[0].dominio", equalTo("github.com"));
        system.featuresAdmin().queryParam("usuario_id", ana.id()).queryParam("dia", "2026-03-27").get("/admin/api/features_estado")
                .then().statusCode(200)
                .body("eventos", equalTo(503))
                .body("segundos_recortados", equalTo(499 * 3600 + 1800 + 300))
                .body("qa_actual.delta_horas_registro", equalTo(0)).body("qa_actual.delta_dia_registro", equalTo(0));
        system.featuresAdmin().post("/admin/api/features_rebuild?dia=2026-03-27&usuario_id=" + ana.id()).then().statusCode(200);
        system.getUsage(ana, "/horario?dia=2026-03-27").then().body("segundos", equalTo(3600 + 1800 + 1));
        try (Connection db = system.featureStore()) {
            // registro keeps what was sent.
            assertEquals(500L * 3600 + 3600 + 300 + 1, count(db, "SELECT SUM(tiempo) FROM registro WHERE usuario_id = " + ana.id()));
        }
        assertEquals(499.0 * 3600 + 1800 + 300, system.featuresCounter("tiempocheck_events_trimmed_seconds_total") - trimmedBefore);
    }

    @Test
    void anEventIdAlreadyUsedByAnotherUserIsAnotherEvent() throws Exception {
        User ana = system.createUser("Ana", null);
        User ben = system.createUser("Ben", null);
        String id = UUID.randomUUID().toString();
        system.postEvents(ana, batch(List.of(event(id, "github.com", "2026-03-23T10:00:00-06:00", 60)))).then().statusCode(202)
                .body("aceptados", equalTo(1));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=2026-03-23").then()
                .body("segundos", equalTo(60)));
        system.postEvents(ben, batch(List.of(event(id, "github.com", "2026-03-23T10:00:00-06:00", 45)))).then().statusCode(202)
                .body("aceptados", equalTo(1));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ben, "/horario?dia=2026-03-23").then()
                .body("segundos", equalTo(45)));
        // Ben resends his id with another start, another day: still one event of his.
        system.postEvents(ben, batch(List.of(event(id, "github.com", "2026-03-24T10:00:00-06:00", 45)))).then().statusCode(202);
        system.postEvents(ben, batch(List.of(event("npmjs.com", "2026-03-24T11:00:00-06:00", 1)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ben, "/horario?dia=2026-03-24").then()
                .body("segundos", equalTo(1)));
        system.getUsage(ana, "/horario?dia=2026-03-23").then().body("segundos", equalTo(60));
        try (Connection db = system.featureStore()) {
            assertEquals(2, count(db, "SELECT COUNT(*) FROM registro WHERE event_id = '" + id + "'"));
        }
    }
}
