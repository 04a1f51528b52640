package io.tiempocheck.suggestions;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestDatabase;
import io.tiempocheck.common.testing.TestTokens;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What every component test of suggestions-service runs with: a database of its own and a feature
 * store beside it, on the real server (one Quarkus start per run), and requests as a fresh user.
 */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = TestDatabase.FEATURE_STORE, value = "true"))
public final class ComponentTestSupport {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final AtomicLong USERS = new AtomicLong(50_000);

    private ComponentTestSupport() {
    }

    /** A request with the device token of a user no other test uses. */
    public static RequestSpecification asNewUser() {
        return as(USERS.incrementAndGet());
    }

    public static RequestSpecification as(long user) {
        return RestAssured.given().auth().oauth2(TestTokens.device(user)).contentType(ContentType.JSON);
    }
}
