package io.tiempocheck.features.categories;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Status codes and validation of /api/v1/categorias, against the real database. */
@QuarkusTest
class CategoryResourceTest {

    private static final String CATEGORIES = "/api/v1/categorias";
    private static final AtomicLong USERS = new AtomicLong(30_000);

    @Test
    void aPersonsOwnCategoryIsListedAfterTheOriginalsAndOnlyForThem() {
        long user = USERS.incrementAndGet();
        as(user).get(CATEGORIES).then().statusCode(200).body("categorias", hasSize(11));
        as(user).body("{\"nombre\":\"Tesis\"}").post(CATEGORIES).then().statusCode(201)
                .body("nombre", equalTo("Tesis")).body("propia", equalTo(true));
        as(user).get(CATEGORIES).then().statusCode(200).body("categorias", hasSize(12))
                .body("categorias[11].nombre", equalTo("Tesis"));
        as(USERS.incrementAndGet()).get(CATEGORIES).then().statusCode(200).body("categorias.nombre", not(hasItem("Tesis")));
    }

    @Test
    void aNameThatExistsIsAConflict() {
        long user = USERS.incrementAndGet();
        as(user).body("{\"nombre\":\"Lectura\"}").post(CATEGORIES).then().statusCode(201);
        as(user).body("{\"nombre\":\"Lectura\"}").post(CATEGORIES).then().statusCode(409);
        as(user).body("{\"nombre\":\"Redes Sociales\"}").post(CATEGORIES).then().statusCode(409);
    }

    @Test
    void aBadNameOrBodyIsRefusedNamingTheField() {
        long user = USERS.incrementAndGet();
        as(user).body("{\"nombre\":\"  \"}").post(CATEGORIES).then().statusCode(400).body("campo", equalTo("nombre"));
        as(user).body("{\"nombre\":\"" + "x".repeat(65) + "\"}").post(CATEGORIES).then().statusCode(400).body("campo", equalTo("nombre"));
        as(user).body("").post(CATEGORIES).then().statusCode(400);
        as(user).body("[1]").post(CATEGORIES).then().statusCode(400);
    }

    @Test
    void aSitesCategoryIsOverriddenAndGivenBack() {
        long user = USERS.incrementAndGet();
        as(user).body("{\"categoria\":\"Trabajo\"}").put(CATEGORIES + "/www.YouTube.com").then().statusCode(200)
                .body("dominio", equalTo("youtube.com")).body("categoria", equalTo("Trabajo"));
        as(user).delete(CATEGORIES + "/youtube.com").then().statusCode(204);
        as(user).delete(CATEGORIES + "/youtube.com").then().statusCode(404);
    }

    @Test
    void anUnknownCategoryOrADomainThatIsNoWebsiteIsRefused() {
        long user = USERS.incrementAndGet();
        as(user).body("{\"categoria\":\"No existe\"}").put(CATEGORIES + "/github.com").then().statusCode(404);
        as(user).body("{\"categoria\":\"Trabajo\"}").put(CATEGORIES + "/localhost").then().statusCode(400)
                .body("campo", equalTo("dominio"));
    }

    @Test
    void noTokenIsRefused() {
        given().get(CATEGORIES).then().statusCode(401);
    }

    private static RequestSpecification as(long user) {
        return given().auth().oauth2(TestTokens.device(user)).contentType(ContentType.JSON);
    }
}
