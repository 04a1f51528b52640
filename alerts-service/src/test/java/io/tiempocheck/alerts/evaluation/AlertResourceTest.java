package io.tiempocheck.alerts.evaluation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Status codes of /api/v1/alertas; alerts are raised by setting a limit below today's usage. */
@QuarkusTest
class AlertResourceTest {

    private static final String ALERTS = "/api/v1/alertas";
    private static final AtomicLong USERS = new AtomicLong(20_000);

    @Inject
    @DataSource("features")
    AgroalDataSource featureStore;

    @Test
    void aLimitBelowTodaysUsageRaisesAnAlertAtOnceWhichTheUserAccepts() throws SQLException {
        long user = USERS.incrementAndGet();
        usedToday(user, "youtube.com", 900);
        as(user).body("{\"dominio\":\"youtube.com\",\"segundos_diarios\":600}").post("/api/v1/limites").then().statusCode(201);

        int id = as(user).get(ALERTS).then().statusCode(200)
                .body("nivel", equalTo(List.of("exceso"))).body("[0].uso_segundos", equalTo(900))
                .body("[0].aceptada", equalTo(false)).extract().path("[0].id");
        String acceptedAt = as(user).post(ALERTS + "/" + id + "/aceptar").then().statusCode(200)
                .body("aceptada", equalTo(true)).body("aceptada_en", notNullValue()).extract().path("aceptada_en");
        as(user).post(ALERTS + "/" + id + "/aceptar").then().statusCode(200).body("aceptada_en", equalTo(acceptedAt));
        as(USERS.incrementAndGet()).post(ALERTS + "/" + id + "/aceptar").then().statusCode(404);
    }

    @Test
    void aDaysListIsEmptyWithoutAlertsAndRefusesADateItCannotRead() {
        long user = USERS.incrementAndGet();
        as(user).queryParam("dia", "2026-03-10").get(ALERTS).then().statusCode(200).body("$", hasSize(0));
        as(user).queryParam("dia", "10/03/2026").get(ALERTS).then().statusCode(400).body("campo", equalTo("dia"));
        as(user).post(ALERTS + "/999999999/aceptar").then().statusCode(404);
        as(user).post(ALERTS + "/abc/aceptar").then().statusCode(404);
    }

    @Test
    void noOneButTheUserGetsIn() {
        given().get(ALERTS).then().statusCode(401);
        given().post(ALERTS + "/1/aceptar").then().statusCode(401);
        given().auth().oauth2("test-admin-token").get(ALERTS).then().statusCode(403);
    }

    private void usedToday(long user, String domain, long seconds) throws SQLException {
        try (Connection connection = featureStore.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO features_diarias (usuario_id, dia, dominio, categoria, segundos) VALUES (?, ?, ?, 'Entretenimiento', ?)")) {
            insert.setLong(1, user);
            insert.setObject(2, LocalDate.now(ZoneId.of(TestTokens.ZONE)));
            insert.setString(3, domain);
            insert.setLong(4, seconds);
            insert.executeUpdate();
        }
    }

    private static RequestSpecification as(long user) {
        return given().auth().oauth2(TestTokens.device(user)).contentType(ContentType.JSON);
    }
}
