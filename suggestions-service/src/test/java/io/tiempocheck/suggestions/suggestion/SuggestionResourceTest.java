package io.tiempocheck.suggestions.suggestion;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.suggestions.ComponentTestSupport.ADMIN_TOKEN;
import static io.tiempocheck.suggestions.ComponentTestSupport.asNewUser;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SuggestionResourceTest {

    @Test
    void aUserWithoutHistoryHasNoSuggestionsAndNoDetailOfACategory() {
        asNewUser().get("/api/sugerencias").then().statusCode(200);
        asNewUser().get("/api/sugerencias_detalle").then().statusCode(200);
        asNewUser().queryParam("categoria", "Redes Sociales").get("/api/sugerencias_detalle").then().statusCode(404);
    }

    @Test
    void noOneButTheUserGetsIn() {
        given().get("/api/sugerencias").then().statusCode(401);
        given().get("/api/sugerencias_detalle").then().statusCode(401);
        given().auth().oauth2(ADMIN_TOKEN).get("/api/sugerencias").then().statusCode(403);
    }
}
