package io.tiempocheck.ingest.sessions;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.tiempocheck.ingest.ComponentTestSupport.PASSWORD;
import static io.tiempocheck.ingest.ComponentTestSupport.json;
import static io.tiempocheck.ingest.ComponentTestSupport.newLogin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class SessionResourceTest {

    private static final String SIGN_IN = "/api/v1/sesiones";

    @Test
    void theRightPasswordGetsASessionAndAWrongOneOrAnUnknownNameTheSameRefusal() {
        String login = newLogin();
        json().body("{\"usuario\":\"" + login + "\",\"contrasena\":\"" + PASSWORD + "\",\"nombre\":\"Ana\"}").post("/api/v1/cuentas").then().statusCode(201);
        json().body("{\"usuario\":\"" + login + "\",\"contrasena\":\"" + PASSWORD + "\"}").post(SIGN_IN).then().statusCode(200)
                .body("token", notNullValue()).body("tipo", equalTo("sesion"));
        String wrong = json().body("{\"usuario\":\"" + login + "\",\"contrasena\":\"otra contraseña\"}").post(SIGN_IN)
                .then().statusCode(401).extract().path("motivo");
        json().body("{\"usuario\":\"" + newLogin() + "\",\"contrasena\":\"otra contraseña\"}").post(SIGN_IN)
                .then().statusCode(401).body("motivo", equalTo(wrong));
    }

    @Test
    void aSignInWithoutItsFieldsIsRefused() {
        json().body("{\"contrasena\":\"" + PASSWORD + "\"}").post(SIGN_IN).then().statusCode(400).body("campo", equalTo("usuario"));
        json().body("{\"usuario\":\"" + newLogin() + "\"}").post(SIGN_IN).then().statusCode(400).body("campo", equalTo("contrasena"));
    }
}
