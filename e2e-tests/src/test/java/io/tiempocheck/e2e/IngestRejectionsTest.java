package io.tiempocheck.e2e;

import io.restassured.response.Response;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entrada checks' inputs over the real path: what ingest refuses reaches features-service's rechazos_ingesta through
 * the rejections topic, and what arrives oddly (resent, from the future, long past) is counted in entrada_anomalias.
 * A burst over rechazos_ingesta's default rojo threshold turns that check rojo in the operator's qa_datos run.
 */
@ExtendWith(SharedSystem.class)
class IngestRejectionsTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);
    private static final int BURST = 120;
    private static TiempoCheckSystem system;

    @BeforeAll
    static void share(TiempoCheckSystem shared) {
        system = shared;
    }

    @Test
    void aBurstOfRejectedEventsReachesTheFeatureStoreCountedByReason() {
        User ana = system.createUser("Ana", null);
        double metricBefore = ingestCounter("dominio");
        List<Map<String, Object>> bad = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            bad.add(event("localhost", "2026-11-27T10:00:00-06:00", 60));
        }
        bad.add(event("github.com", "2026-11-27T10:00:00", 60));
        system.postEvents(ana, batch(bad)).then().statusCode(202)
                .body("aceptados", equalTo(0)).body("rechazados", hasSize(BURST + 1));
        given().baseUri(system.ingest.baseUrl()).auth().oauth2(ana.token()).contentType("text/plain").body("{\"eventos\":[]}")
                .post("/api/v1/eventos").then().statusCode(415);

        assertEquals(metricBefore + BURST, ingestCounter("dominio"));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertEquals(
                Map.of("dominio", (long) BURST, "fecha_hora", 1L, "lote_tipo_contenido", 1L), rejections(ana)));

        // The operator's check sees the burst: over its default rojo threshold (100), naming the user.
        Response run = qualityRun();
        run.then().body("checks.find { it.check == 'rechazos_ingesta' }.estado", equalTo("rojo"))
                .body("checks.find { it.check == 'rechazos_ingesta' }.detalle.por_usuario.usuario_id", hasItem((int) ana.id()));
        assertTrue(run.jsonPath().getDouble("checks.find { it.check == 'rechazos_ingesta' }.valor") >= BURST + 2);
    }

    /** A run of the qa_datos checks now; a run of the schedule's in progress answers 409 and is waited out. */
    private static Response qualityRun() {
        Response[] run = new Response[1];
        await().atMost(VISIBLE_WITHIN).until(() -> {
            run[0] = system.featuresAdmin().post("/admin/api/qa_datos/ejecutar");
            return run[0].statusCode() != 409;
        });
        return run[0].then().statusCode(200).extract().response();
    }

    @Test
    void resentFutureAndOldEventsAreCountedOnceEach() {
        User ben = system.createUser("Ben", null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> events = List.of(
                event(UUID.randomUUID().toString(), "github.com", now.minusMinutes(10).toString(), 60),
                event(UUID.randomUUID().toString(), "github.com", now.minusMinutes(20).toString(), 60));
        system.postEvents(ben, batch(events)).then().statusCode(202).body("aceptados", equalTo(2));
        // The client did not hear the 202 and sends the batch again: stored once, counted as resent.
        system.postEvents(ben, batch(events)).then().statusCode(202).body("aceptados", equalTo(2));
        system.postEvents(ben, batch(List.of(
                event("github.com", now.plusMinutes(2).toString(), 30),
                event("github.com", now.minusDays(40).toString(), 30)))).then().statusCode(202).body("aceptados", equalTo(2));

        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertEquals(Map.of("duplicados", 2L, "futuros", 1L, "antiguos", 1L),
                anomalies(ben)));
    }

    /** features-service's rechazos_ingesta of the user, summed by reason over every hour. */
    private static Map<String, Long> rejections(User user) throws SQLException {
        Map<String, Long> byReason = new HashMap<>();
        try (Connection db = system.featureStore(); PreparedStatement select = db.prepareStatement(
                "SELECT motivo, SUM(cantidad) FROM rechazos_ingesta WHERE usuario_id = ? GROUP BY motivo")) {
            select.setLong(1, user.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byReason.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return byReason;
    }

    private static Map<String, Long> anomalies(User user) throws SQLException {
        try (Connection db = system.featureStore(); PreparedStatement select = db.prepareStatement(
                "SELECT COALESCE(SUM(duplicados), 0), COALESCE(SUM(futuros), 0), COALESCE(SUM(antiguos), 0) FROM entrada_anomalias"
                        + " WHERE usuario_id = ?")) {
            select.setLong(1, user.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Map.of("duplicados", row.getLong(1), "futuros", row.getLong(2), "antiguos", row.getLong(3));
            }
        }
    }

    private static double ingestCounter(String reason) {
        String tag = "motivo=\"" + reason + "\"";
        return given().baseUri(system.ingest.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("tiempocheck_ingest_rejected_total{") && line.contains(tag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
