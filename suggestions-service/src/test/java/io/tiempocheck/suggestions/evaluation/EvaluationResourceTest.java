package io.tiempocheck.suggestions.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.suggestions.ComponentTestSupport.asNewUser;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class EvaluationResourceTest {

    private static final String EVALUATE = "/api/v1/politicas/evaluar";

    @ParameterizedTest(name = "{0} -> campo {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"hasta\":\"2026-03-10\",\"politicas\":[{}]}                          | desde",
            "{\"desde\":\"2026-03-10\",\"politicas\":[{}]}                          | hasta",
            "{\"desde\":\"2026-03-10\",\"hasta\":\"2026-03-09\",\"politicas\":[{}]} | hasta",
            "{\"desde\":\"2026-03-01\",\"hasta\":\"2026-03-10\",\"politicas\":[]}   | politicas",
            "{\"desde\":\"2026-03-01\",\"hasta\":\"2026-03-10\",\"politicas\":[{\"base\":\"moda\"}]} | politicas[0].base",
            "{\"desde\":\"10/03/2026\",\"hasta\":\"2026-03-10\",\"politicas\":[{}]} | desde"})
    void anInvalidEvaluationIsRefusedNamingTheField(String body, String field) {
        asNewUser().body(body).post(EVALUATE).then().statusCode(400).body("campo", equalTo(field));
    }

    @Test
    void anEvaluationIsStoredAndReadBackByItsOwnerOnly() {
        var owner = asNewUser();
        int id = owner.body("{\"desde\":\"2026-03-01\",\"hasta\":\"2026-03-10\",\"politicas\":[{}]}").post(EVALUATE)
                .then().statusCode(201).extract().path("id");
        owner.get("/api/v1/politicas/evaluaciones/" + id).then().statusCode(200).body("id", equalTo(id));
        asNewUser().get("/api/v1/politicas/evaluaciones/" + id).then().statusCode(404);
        given().post(EVALUATE).then().statusCode(401);
    }
}
