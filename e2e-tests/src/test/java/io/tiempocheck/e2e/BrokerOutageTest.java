package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With no broker to acknowledge, ingest must not pretend: 503 with Retry-After, so the extension keeps its batch. */
class BrokerOutageTest {

    @Test
    void ingestAnswers503WithRetryAfterWhenKafkaIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TiempoCheckSystem system = new TiempoCheckSystem("127.0.0.1:" + closedPort)) {
            system.ingest.startAlive();
            given().baseUri(system.ingest.baseUrl()).get("/q/health/ready").then().statusCode(503)
                    .body(containsString("Kafka"));
            User ana = system.createUser("Ana", null);
            system.postEvents(ana, batch(List.of(event("github.com", "2026-03-02T09:10:00-06:00", 30))))
                    .then().statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("motivo", containsString("reintenta"));
        }
    }
}
