package io.tiempocheck.ingest.rejections;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tiempocheck.common.event.IngestRejection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static io.tiempocheck.ingest.ComponentTestSupport.json;
import static io.tiempocheck.ingest.ComponentTestSupport.newDeviceToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every event ingest rejects, and every batch it refuses whole from a known sender, is counted by reason. */
@QuarkusTest
class RejectionCountsTest {

    private static final String EVENTS = "/api/v1/eventos";

    @Inject
    MeterRegistry registry;

    @Test
    void aRejectedEventCountsOnceUnderItsFirstField() {
        String device = newDeviceToken();
        double dates = count("fecha_hora");
        double domains = count("dominio");
        double notObjects = count(IngestRejection.NOT_AN_OBJECT);
        json().auth().oauth2(device).body("{\"eventos\":["
                        + "{\"event_id\":\"0b6f3f0e-3c1a-4a0e-9a4e-7d3f5c2b1a00\",\"dominio\":\"github.com\",\"fecha_hora\":\"2026-11-27T10:00:00\",\"tiempo\":60},"
                        + "{\"event_id\":\"0b6f3f0e-3c1a-4a0e-9a4e-7d3f5c2b1a01\",\"dominio\":\"localhost\",\"fecha_hora\":\"2199-01-01T10:00:00Z\",\"tiempo\":60},"
                        + "7]}")
                .post(EVENTS).then().statusCode(202).body("aceptados", equalTo(0));
        assertEquals(dates + 1, count("fecha_hora"));
        assertEquals(domains + 1, count("dominio"));
        assertEquals(notObjects + 1, count(IngestRejection.NOT_AN_OBJECT));
    }

    @Test
    void batchesRefusedWholeAreCountedForTheirSender() {
        String device = newDeviceToken();
        double invalid = count(IngestRejection.INVALID_BATCH);
        double oversized = count(IngestRejection.OVERSIZED_BATCH);
        double contentType = count(IngestRejection.WRONG_CONTENT_TYPE);

        json().auth().oauth2(device).body("{\"eventos\":").post(EVENTS).then().statusCode(400);
        json().auth().oauth2(device).body("{\"eventos\":[" + String.join(",", Collections.nCopies(501, "{}")) + "]}")
                .post(EVENTS).then().statusCode(413);
        RestAssured.given().auth().oauth2(device).contentType("text/plain").body("{\"eventos\":[]}").post(EVENTS)
                .then().statusCode(415);
        // Nobody to count a refusal for: no token at all.
        json().body("{\"eventos\":").post(EVENTS).then().statusCode(401);

        assertEquals(invalid + 1, count(IngestRejection.INVALID_BATCH));
        assertEquals(oversized + 1, count(IngestRejection.OVERSIZED_BATCH));
        assertEquals(contentType + 1, count(IngestRejection.WRONG_CONTENT_TYPE));
    }

    @Test
    void theMetricShowsEveryReasonFromTheStart() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String reason : IngestRejection.REASONS) {
            assertEquals(true, metrics.contains("tiempocheck_ingest_rejected_total{motivo=\"" + reason + "\""), reason);
        }
    }

    private double count(String reason) {
        return registry.counter("tiempocheck.ingest.rejected", "motivo", reason).count();
    }
}
