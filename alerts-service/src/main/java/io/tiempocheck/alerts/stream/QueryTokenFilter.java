package io.tiempocheck.alerts.stream;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.regex.Pattern;

/**
 * Browsers' EventSource cannot set an Authorization header, so the alert stream also takes the
 * token as {@code ?token=}. Copied into the header before authentication runs, and only for the
 * stream: everywhere else a token in a URL (and so in access logs) is not accepted.
 */
@ApplicationScoped
public class QueryTokenFilter {

    static final String STREAM_PATH = "/api/v1/alertas/stream";
    /**
     * Above the authentication filter's priority (200), so it runs first, and below 300 (order -300),
     * so that HttpLayerErrors has answered a malformed query with a 400 before this one reads it.
     */
    private static final int BEFORE_AUTHENTICATION = 250;
    /** A JWT's base64url parts and dots; anything else is left out and the request is unauthenticated (401). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]+");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            var request = context.request();
            if (STREAM_PATH.equals(request.path()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                String token = request.getParam("token");
                // Only what a token can be made of: a control character would make the header invalid (a 500).
                if (token != null && TOKEN.matcher(token.strip()).matches()) {
                    request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.strip());
                }
            }
            context.next();
        }, BEFORE_AUTHENTICATION);
    }
}
