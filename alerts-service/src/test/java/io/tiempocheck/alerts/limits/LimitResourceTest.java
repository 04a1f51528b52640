package io.tiempocheck.alerts.limits;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Status codes and validation of /api/v1/limites, against the real database. */
@QuarkusTest
class LimitResourceTest {

    private static final String LIMITS = "/api/v1/limites";
    private static final AtomicLong USERS = new AtomicLong(10_000);

    @Test
    void aLimitIsCreatedReadReplacedAndDeleted() {
        long user = USERS.incrementAndGet();
        var created = as(user).body("{\"dominio\":\"www.YouTube.com\",\"segundos_diarios\":600}")
                .post(LIMITS).then().statusCode(201).extract();
        int id = created.path("id");
        assertTrue(created.header("Location").endsWith(LIMITS + "/" + id));
        as(user).get(LIMITS + "/" + id).then().statusCode(200)
                .body("dominio", equalTo("youtube.com")).body("categoria", nullValue())
                .body("umbral_aviso", equalTo(80)).body("dias_semana", hasSize(7)).body("activo", equalTo(true));
        as(user).get(LIMITS).then().statusCode(200).body("id", hasSize(1));
        as(user).body("{\"categoria\":\"redes sociales\",\"segundos_diarios\":1200,\"umbral_aviso\":50,\"dias_semana\":[7,6,6]}")
                .put(LIMITS + "/" + id).then().statusCode(200)
                .body("categoria", equalTo("Redes Sociales")).body("dominio", nullValue())
                .body("dias_semana", equalTo(List.of(6, 7)));
        as(user).delete(LIMITS + "/" + id).then().statusCode(204);
        as(user).get(LIMITS + "/" + id).then().statusCode(404);
        as(user).delete(LIMITS + "/" + id).then().statusCode(404);
    }

    @Test
    void anotherUsersLimitIsAnsweredAsOneThatDoesNotExist() {
        long owner = USERS.incrementAndGet();
        int id = as(owner).body("{\"dominio\":\"reddit.com\",\"segundos_diarios\":60}").post(LIMITS)
                .then().statusCode(201).extract().path("id");
        long stranger = USERS.incrementAndGet();
        as(stranger).get(LIMITS + "/" + id).then().statusCode(404);
        as(stranger).body("{\"dominio\":\"reddit.com\",\"segundos_diarios\":60}").put(LIMITS + "/" + id).then().statusCode(404);
        as(stranger).delete(LIMITS + "/" + id).then().statusCode(404);
        as(stranger).get(LIMITS).then().statusCode(200).body("id", hasSize(0));
        as(owner).get(LIMITS + "/" + id).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} -> campo {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"segundos_diarios\":60}                                                   | categoria",
            "{\"categoria\":\"Redes Sociales\",\"dominio\":\"x.com\",\"segundos_diarios\":60} | dominio",
            "{\"categoria\":\"No existe\",\"segundos_diarios\":60}                         | categoria",
            "{\"dominio\":\"localhost\",\"segundos_diarios\":60}                           | dominio",
            "{\"dominio\":\"x.com\"}                                                      | segundos_diarios",
            "{\"dominio\":\"x.com\",\"segundos_diarios\":0}                                 | segundos_diarios",
            "{\"dominio\":\"x.com\",\"segundos_diarios\":86401}                             | segundos_diarios",
            "{\"dominio\":\"x.com\",\"segundos_diarios\":\"60\"}                            | segundos_diarios",
            "{\"dominio\":\"x.com\",\"segundos_diarios\":60,\"umbral_aviso\":100}           | umbral_aviso",
            "{\"dominio\":\"x.com\",\"segundos_diarios\":60,\"dias_semana\":[0]}            | dias_semana",
            "{\"dominio\":\"x.com\",\"segundos_diarios\":60,\"dias_semana\":[1,2,3,4,5,6,7,1]} | dias_semana",
            "{\"dominio\":\"x.com\",\"segundos_diarios\":60,\"umbral_avisos\":50}          | umbral_avisos"})
    void anInvalidLimitIsRefusedNamingTheField(String body, String field) {
        as(USERS.incrementAndGet()).body(body).post(LIMITS).then().statusCode(400).body("campo", equalTo(field));
    }

    @Test
    void aBodyThatIsNotALimitIsRefused() {
        long user = USERS.incrementAndGet();
        as(user).body("").post(LIMITS).then().statusCode(400).body("campo", nullValue());
        as(user).body("[]").post(LIMITS).then().statusCode(400);
        as(user).body("{\"dominio\":").post(LIMITS).then().statusCode(400);
    }

    @Test
    void noOneButTheUserGetsIn() {
        given().get(LIMITS).then().statusCode(401);
        given().auth().oauth2(TestTokens.foreign(USERS.incrementAndGet())).get(LIMITS).then().statusCode(401);
        // The operator's token is not a user's.
        given().auth().oauth2("test-admin-token").get(LIMITS).then().statusCode(403);
    }

    private static RequestSpecification as(long user) {
        return given().auth().oauth2(TestTokens.device(user)).contentType(ContentType.JSON);
    }
}
