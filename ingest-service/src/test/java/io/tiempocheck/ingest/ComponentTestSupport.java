package io.tiempocheck.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestDatabase;

import java.util.UUID;

/**
 * What every component test of ingest-service runs with: a database of its own on the real server
 * (one Quarkus start per run). Accounts and tokens are made through the API itself, so the tokens are
 * the ones ingest-service signs.
 */
@QuarkusTestResource(TestDatabase.class)
public final class ComponentTestSupport {

    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String PASSWORD = "una contraseña larga";

    private ComponentTestSupport() {
    }

    public static RequestSpecification json() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** A login no other test uses. */
    public static String newLogin() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Signs up a new account and returns its session token. */
    public static String newSession() {
        String login = newLogin();
        json().body("{\"usuario\":\"" + login + "\",\"contrasena\":\"" + PASSWORD + "\",\"nombre\":\"Ana\"}").post("/api/v1/cuentas")
                .then().statusCode(201);
        return json().body("{\"usuario\":\"" + login + "\",\"contrasena\":\"" + PASSWORD + "\"}").post("/api/v1/sesiones")
                .then().statusCode(200).extract().path("token");
    }

    /** A device token of a new account. */
    public static String newDeviceToken() {
        return json().auth().oauth2(newSession()).body("{\"nombre\":\"Chrome\"}").post("/api/v1/dispositivos")
                .then().statusCode(201).extract().path("token");
    }
}
