package io.tiempocheck.features.usage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Status codes and validation of /api/v1/uso/*, against the real database. */
@QuarkusTest
class UsageResourceTest {

    private static final AtomicLong USERS = new AtomicLong(20_000);

    @Test
    void aDayWithoutUsageIsTwentyFourEmptyHoursInThePersonsZone() {
        as(USERS.incrementAndGet()).get("/api/v1/uso/horario?dia=2026-03-08").then().statusCode(200)
                .body("dia", equalTo("2026-03-08")).body("tz", equalTo(TestTokens.ZONE))
                .body("segundos", equalTo(0)).body("horas", hasSize(24));
    }

    @Test
    void aCustomRangeIsAnsweredAsPersonalizado() {
        as(USERS.incrementAndGet()).get("/api/v1/uso/categorias?desde=2026-01-01&hasta=2026-01-31").then().statusCode(200)
                .body("rango", equalTo("personalizado")).body("segundos", equalTo(0));
        as(USERS.incrementAndGet()).get("/api/v1/uso/sitios?rango=7d&top=500").then().statusCode(200)
                .body("rango", equalTo("7d")).body("sitios", hasSize(0));
    }

    @ParameterizedTest(name = "{0} -> campo {1}")
    @CsvSource(delimiter = '|', value = {
            "/horario?dia=2026-13-01                          | dia",
            "/horario?dia=ayer                                | dia",
            "/diario?desde=2026-02-01&hasta=2026-01-01        | desde",
            "/diario?desde=2026-01-01&hasta=2026-01-02&dominios=quizas | dominios",
            "/categorias?rango=semana                         | rango",
            "/categorias?rango=7d&desde=2026-01-01            | rango",
            "/sitios?rango=7d&top=0                           | top",
            "/sitios?rango=7d&top=501                         | top",
            "/sitios?rango=7d&top=diez                        | top"})
    void aBadQueryIsRefusedNamingTheField(String query, String field) {
        as(USERS.incrementAndGet()).get("/api/v1/uso" + query).then().statusCode(400).body("campo", equalTo(field));
    }

    @Test
    void noTokenOrAForeignOneIsRefused() {
        given().get("/api/v1/uso/horario?dia=2026-03-08").then().statusCode(401);
        given().auth().oauth2(TestTokens.foreign(USERS.incrementAndGet())).get("/api/v1/uso/horario?dia=2026-03-08")
                .then().statusCode(401);
    }

    private static RequestSpecification as(long user) {
        return given().auth().oauth2(TestTokens.device(user));
    }
}
