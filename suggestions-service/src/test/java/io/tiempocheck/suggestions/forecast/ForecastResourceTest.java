package io.tiempocheck.suggestions.forecast;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.suggestions.ComponentTestSupport.ADMIN_TOKEN;
import static io.tiempocheck.suggestions.ComponentTestSupport.asNewUser;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ForecastResourceTest {

    private static final String FORECASTS = "/api/v1/pronosticos";

    @Test
    void aUserWithoutHistoryGetsAnAnswer() {
        asNewUser().get(FORECASTS).then().statusCode(200);
        given().get(FORECASTS).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "siete", "1000"})
    void aHorizonOutOfRangeIsRefused(String days) {
        asNewUser().queryParam("dias", days).get(FORECASTS).then().statusCode(400).body("campo", equalTo("dias"));
    }

    @Test
    void theModelsAdminIsTheOperatorsOnly() {
        asNewUser().get("/admin/api/modelos/evaluacion").then().statusCode(403);
        given().get("/admin/api/modelos/evaluacion").then().statusCode(401);
        given().auth().oauth2(ADMIN_TOKEN).queryParam("metodos", "adivinar").post("/admin/api/modelos/reentrenar")
                .then().statusCode(400).body("campo", equalTo("metodos"));
    }
}
