package io.tiempocheck.features.categories;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Status codes and validation of the operator's global categories, against the real database. */
@QuarkusTest
class GlobalCategoryResourceTest {

    private static final String GLOBAL = "/admin/api/categorias";

    @Test
    void aDomainGetsAGlobalCategoryListedInTheTable() {
        admin().body("{\"categoria\":\"Trabajo\"}").put(GLOBAL + "/www.Ejemplo-Trabajo.ORG").then().statusCode(200)
                .body("dominio", equalTo("ejemplo-trabajo.org")).body("categoria", equalTo("Trabajo"));
        admin().get(GLOBAL).then().statusCode(200).body("categorias", hasSize(11))
                .body("dominios.dominio", hasItem("ejemplo-trabajo.org"));
        admin().get(GLOBAL + "/sin_categoria?dias=1&top=5").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} -> {1}, campo {2}")
    @CsvSource(delimiter = '|', value = {
            "/example.org  | {\"categoria\":\"No existe\"} | 404 | categoria",
            "/localhost    | {\"categoria\":\"Trabajo\"}   | 400 | dominio",
            "/example.org  | {}                           | 400 | categoria",
            "/example.org  | {\"categoria\":7}            | 400 | categoria"})
    void aBadAssignmentIsRefused(String path, String body, int status, String field) {
        admin().body(body).put(GLOBAL + path).then().statusCode(status).body("campo", equalTo(field));
    }

    @ParameterizedTest(name = "{0} -> campo {1}")
    @CsvSource(delimiter = '|', value = {"?dias=0 | dias", "?dias=367 | dias", "?top=0 | top", "?top=mucho | top"})
    void aBadQueryIsRefusedNamingTheField(String query, String field) {
        admin().get(GLOBAL + "/sin_categoria" + query).then().statusCode(400).body("campo", equalTo(field));
    }

    @Test
    void onlyTheOperatorMayChangeEveryonesCategories() {
        given().get(GLOBAL).then().statusCode(401);
        given().auth().oauth2(TestTokens.device(50_001)).contentType(ContentType.JSON).body("{\"categoria\":\"Trabajo\"}")
                .put(GLOBAL + "/example.org").then().statusCode(403);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2("test-admin-token").contentType(ContentType.JSON);
    }
}
