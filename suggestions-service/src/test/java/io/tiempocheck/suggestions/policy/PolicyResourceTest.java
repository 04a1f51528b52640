package io.tiempocheck.suggestions.policy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.suggestions.ComponentTestSupport.ADMIN_TOKEN;
import static io.tiempocheck.suggestions.ComponentTestSupport.asNewUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PolicyResourceTest {

    private static final String POLICY = "/api/v1/politica";

    @Test
    void aUserHasTheDefaultsUntilTheyAdoptAPolicyOfTheirOwn() {
        RequestSpecification user = asNewUser();
        Object defaults = user.get(POLICY).then().statusCode(200).body("ventana_dias", notNullValue()).extract().path("ventana_dias");
        user.body("{\"ventana_dias\":14,\"base\":\"mediana\"}").put(POLICY).then().statusCode(200)
                .body("ventana_dias", equalTo(14)).body("base", equalTo("mediana"));
        user.get(POLICY).then().statusCode(200).body("ventana_dias", equalTo(14));
        asNewUser().get(POLICY).then().statusCode(200).body("ventana_dias", equalTo(defaults));
    }

    @ParameterizedTest(name = "{0} -> campo {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"ventana_dias\":6}                 | ventana_dias",
            "{\"ventana_dias\":57}                | ventana_dias",
            "{\"ventana_dias\":\"14\"}            | ventana_dias",
            "{\"base\":\"moda\"}                  | base",
            "{\"multiplicador_limite\":5}         | multiplicador_limite"})
    void anInvalidPolicyIsRefusedNamingTheField(String body, String field) {
        asNewUser().body(body).put(POLICY).then().statusCode(400).body("campo", equalTo(field));
    }

    @Test
    void noOneButTheUserGetsIn() {
        given().get(POLICY).then().statusCode(401);
        given().auth().oauth2(ADMIN_TOKEN).get(POLICY).then().statusCode(403);
    }
}
