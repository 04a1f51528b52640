package io.tiempocheck.suggestions.summary;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.suggestions.ComponentTestSupport.asNewUser;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SummaryResourceTest {

    private static final String SUMMARY = "/api/v1/resumen";

    @Test
    void thisWeeksAndAPastWeeksSummariesAreAnswered() {
        asNewUser().get(SUMMARY).then().statusCode(200);
        asNewUser().queryParam("semana", "2026-W10").get(SUMMARY).then().statusCode(200);
        asNewUser().queryParam("semana", "2026-03-10").get(SUMMARY).then().statusCode(200);
        given().get(SUMMARY).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"semana 10", "2026-W60", "9999-W01", "1900-01-01"})
    void aWeekItCannotReadIsRefused(String week) {
        asNewUser().queryParam("semana", week).get(SUMMARY).then().statusCode(400).body("campo", equalTo("semana"));
    }
}
