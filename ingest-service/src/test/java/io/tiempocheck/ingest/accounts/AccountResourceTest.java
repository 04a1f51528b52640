package io.tiempocheck.ingest.accounts;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.tiempocheck.ingest.ComponentTestSupport.PASSWORD;
import static io.tiempocheck.ingest.ComponentTestSupport.json;
import static io.tiempocheck.ingest.ComponentTestSupport.newDeviceToken;
import static io.tiempocheck.ingest.ComponentTestSupport.newLogin;
import static io.tiempocheck.ingest.ComponentTestSupport.newSession;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AccountResourceTest {

    private static final String SIGN_UP = "/api/v1/cuentas";

    @Test
    void aNameIsTakenOnce() {
        String login = newLogin();
        String body = "{\"usuario\":\"" + login + "\",\"contrasena\":\"" + PASSWORD + "\",\"nombre\":\"Ana\",\"tz\":\"America/Bogota\"}";
        json().body(body).post(SIGN_UP).then().statusCode(201)
                .body("usuario", equalTo(login)).body("tz", equalTo("America/Bogota")).body("usuario_id", notNullValue());
        json().body(body).post(SIGN_UP).then().statusCode(409).body("campo", equalTo("usuario"));
    }

    @ParameterizedTest(name = "{0} -> campo {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"contrasena\":\"una contraseña larga\"}                          | usuario",
            "{\"usuario\":\"a\",\"contrasena\":\"una contraseña larga\"}        | usuario",
            "{\"usuario\":\"Con Espacio\",\"contrasena\":\"una contraseña larga\"} | usuario",
            "{\"usuario\":\"anita\"}                                            | contrasena",
            "{\"usuario\":\"anita\",\"contrasena\":\"corta\"}                   | contrasena",
            "{\"usuario\":\"anita\",\"contrasena\":\"una contraseña larga\"}       | nombre",
            "{\"usuario\":\"anita\",\"contrasena\":\"una contraseña larga\",\"nombre\":\"Ana\",\"tz\":\"Marte/Olympus\"} | tz"})
    void anInvalidSignUpIsRefusedNamingTheField(String body, String field) {
        json().body(body).post(SIGN_UP).then().statusCode(400).body("campo", equalTo(field));
    }

    @Test
    void theAccountIsReadWithItsSessionAndNotWithoutOne() {
        json().auth().oauth2(newSession()).get("/api/v1/cuenta").then().statusCode(200).body("activo", equalTo(true));
        json().get("/api/v1/cuenta").then().statusCode(401);
        // Changing the account takes the session, not a browser's device token.
        json().auth().oauth2(newDeviceToken()).body("{\"nombre\":\"Otra\"}").patch("/api/v1/cuenta").then().statusCode(403);
    }
}
