package io.tiempocheck.ingest.devices;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.tiempocheck.ingest.ComponentTestSupport.json;
import static io.tiempocheck.ingest.ComponentTestSupport.newDeviceToken;
import static io.tiempocheck.ingest.ComponentTestSupport.newSession;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Devices are added and listed with a session; revoking one is proved end to end (it publishes to Kafka). */
@QuarkusTest
class DeviceResourceTest {

    private static final String DEVICES = "/api/v1/dispositivos";

    @Test
    void aSessionAddsAndListsItsDevices() {
        String session = newSession();
        json().auth().oauth2(session).body("{\"nombre\":\"Chrome del trabajo\"}").post(DEVICES).then().statusCode(201)
                .body("device_id", notNullValue()).body("token", notNullValue()).body("nombre", equalTo("Chrome del trabajo"));
        json().auth().oauth2(session).get(DEVICES).then().statusCode(200).body("nombre", hasSize(1));
        json().auth().oauth2(newSession()).get(DEVICES).then().statusCode(200).body("nombre", hasSize(0));
    }

    @Test
    void whatIsRefused() {
        String session = newSession();
        json().auth().oauth2(session).body("{}").post(DEVICES).then().statusCode(400).body("campo", equalTo("nombre"));
        json().auth().oauth2(session).delete(DEVICES + "/no-such-device").then().statusCode(404);
        json().auth().oauth2(newDeviceToken()).body("{\"nombre\":\"otro\"}").post(DEVICES).then().statusCode(403);
        json().body("{\"nombre\":\"otro\"}").post(DEVICES).then().statusCode(401);
    }
}
