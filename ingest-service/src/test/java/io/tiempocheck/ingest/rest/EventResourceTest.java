package io.tiempocheck.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.tiempocheck.ingest.ComponentTestSupport.json;
import static io.tiempocheck.ingest.ComponentTestSupport.newDeviceToken;
import static io.tiempocheck.ingest.ComponentTestSupport.newSession;

/**
 * What the intake refuses before anything reaches Kafka; accepted events are proved on the real
 * broker by the end-to-end suite.
 */
@QuarkusTest
class EventResourceTest {

    private static final String EVENTS = "/api/v1/eventos";

    @Test
    void aBatchThatIsNotOneIsRefused() {
        String device = newDeviceToken();
        json().auth().oauth2(device).body("{\"eventos\":").post(EVENTS).then().statusCode(400);
        json().auth().oauth2(device).body("{\"eventos\":[]} tail").post(EVENTS).then().statusCode(400);
        json().auth().oauth2(device).body("[1,2]").post(EVENTS).then().statusCode(400);
    }

    @Test
    void onlyADeviceSendsEvents() {
        json().body("{\"eventos\":[]}").post(EVENTS).then().statusCode(401);
        json().auth().oauth2(newSession()).body("{\"eventos\":[]}").post(EVENTS).then().statusCode(403);
    }
}
