package io.tiempocheck.alerts.stream;

import io.quarkus.test.junit.QuarkusTest;
import io.tiempocheck.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the stream refuses before it opens; the open stream itself (replay, fan-out, keep-alive) is
 * proved on the real path by the end-to-end AlertsTest and AlertsFanOutTest.
 */
@QuarkusTest
class AlertStreamResourceTest {

    private static final String STREAM = "/api/v1/alertas/stream";

    @Test
    void aStreamWithoutAValidTokenIsRefused() {
        given().get(STREAM).then().statusCode(401);
        given().queryParam("token", TestTokens.foreign(40_001)).get(STREAM).then().statusCode(401);
        given().auth().oauth2("test-admin-token").get(STREAM).then().statusCode(403);
    }

    @Test
    void aLastEventIdThatIsNotAnAlertIdIsRefusedNamingIt() {
        String token = TestTokens.device(40_002);
        given().auth().oauth2(token).header("Last-Event-ID", "abc").get(STREAM)
                .then().statusCode(400).body("campo", equalTo("Last-Event-ID"));
        given().queryParam("token", token).queryParam("last_event_id", "-1").get(STREAM)
                .then().statusCode(400).body("campo", equalTo("last_event_id"));
    }
}
