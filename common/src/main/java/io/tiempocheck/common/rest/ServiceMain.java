package io.tiempocheck.common.rest;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Every service's entry point (common is in each one's index). Quarkus checks each request's URI
 * in its root handler, before any route, and answers a malformed one (a stray {@code %}, {@code %zz})
 * with an empty 400 that no application code can replace. That check can only be turned off by a
 * system property read when Quarkus's HTTP classes load, so it is set here, before the application
 * starts; {@link HttpLayerErrors} makes the same check as its first route and answers with the JSON
 * error body.
 */
@QuarkusMain
public final class ServiceMain {

    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private ServiceMain() {
    }

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
