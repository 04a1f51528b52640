package io.tiempocheck.common.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tiempocheck.common.ratelimit.TooManyRequestsException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The same {@link ErrorResponse} for what the HTTP layer refuses before JAX-RS sees a request:
 * malformed URIs (Quarkus's own check, turned off by {@link ServiceMain}, answers no body), bodies over quarkus.http.limits.max-body-size (Quarkus would close with an empty 413), URLs and
 * headers over this service's limits, failed or missing authentication, throttled clients, and
 * any other 4xx a route ends with. Netty's own decoder limits are set higher than these (in
 * META-INF/microprofile-config.properties) so that a request this side of them gets a body.
 */
@ApplicationScoped
public class HttpLayerErrors {

    /** Before Quarkus's own body-size check (order -2) and its authentication (order -200). */
    private static final int BEFORE_QUARKUS = -300;

    @ConfigMapping(prefix = "tiempocheck.http")
    public interface Limits {

        /** The longest path and query answered with a JSON 414; Netty refuses longer lines without a body. */
        @WithDefault("4096")
        int maxUriLength();

        /** The most header bytes answered with a JSON 431; Netty refuses more without a body. */
        @WithDefault("20480")
        int maxHeaderBytes();
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "petición mal formada"),
            Map.entry(401, "falta un token válido: Authorization: Bearer <token>"),
            Map.entry(403, "este token no tiene permiso para este recurso"),
            Map.entry(404, "no existe"),
            Map.entry(405, "método no permitido en este recurso"),
            Map.entry(406, "este recurso solo responde application/json"),
            Map.entry(408, "la petición tardó demasiado"),
            Map.entry(411, "falta Content-Length"),
            Map.entry(413, "el cuerpo es demasiado grande"),
            Map.entry(414, "la URL es demasiado larga"),
            Map.entry(415, "el cuerpo debe ser application/json en UTF-8"),
            Map.entry(429, "demasiadas peticiones"),
            Map.entry(431, "las cabeceras son demasiado grandes"));

    /** RFC 9110 media types: JAX-RS would fail on anything else with an exception of its own. */
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String PARAMETERS = "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"[^\"\\\\]*\"))*\\s*";
    private static final String QUALITY = "(\\s*;\\s*q=(0(\\.\\d{0,3})?|1(\\.0{0,3})?))?";
    private static final Pattern MEDIA_TYPE = Pattern.compile("\\s*" + TOKEN + "/" + TOKEN + PARAMETERS);
    private static final Pattern ACCEPT = Pattern.compile(
            "\\s*" + TOKEN + "/" + TOKEN + QUALITY + PARAMETERS + "(,\\s*" + TOKEN + "/" + TOKEN + QUALITY + PARAMETERS + ")*");

    private final Limits limits;
    private final Optional<MemorySize> maxBodySize;

    public HttpLayerErrors(Limits limits, @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.limits = limits;
        this.maxBodySize = maxBodySize;
    }

    public static String reason(int status) {
        return REASONS.getOrDefault(status, "petición rechazada");
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS).handler(this::refuseOversized);
        router.route().order(BEFORE_QUARKUS).failureHandler(this::answerFailure);
    }

    private void refuseOversized(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > limits.maxUriLength()) {
            end(context, 414, null, "la URL es demasiado larga: como máximo " + limits.maxUriLength() + " caracteres");
            return;
        }
        Optional<InvalidInputException> malformed = MalformedUri.find(request.uri());
        if (malformed.isPresent()) {
            end(context, 400, malformed.get().field(), malformed.get().getMessage());
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            end(context, 431, null, "las cabeceras son demasiado grandes: como máximo " + limits.maxHeaderBytes() + " bytes");
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
            end(context, 415, "Content-Type", "Content-Type mal formado: se espera tipo/subtipo, p. ej. application/json");
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !ACCEPT.matcher(accept).matches()) {
            end(context, 400, "Accept", "Accept mal formado: se esperan tipos tipo/subtipo separados por comas");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent() && tooLong(length, maxBodySize.get().asLongValue())) {
            // The rest of the body is not read: the connection cannot be reused.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            end(context, 413, null, "el cuerpo es demasiado grande: como máximo " + maxBodySize.get().asLongValue() + " bytes");
            return;
        }
        context.next();
    }

    private static boolean tooLong(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.strip()) > max;
        } catch (NumberFormatException e) {
            // Netty refuses a malformed Content-Length itself.
            return false;
        }
    }

    private void answerFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof TooManyRequestsException throttled) {
            context.response().putHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            end(context, 429, null, throttled.getMessage());
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            end(context, 401, null, reason(401));
        } else if (failure instanceof ForbiddenException) {
            end(context, 403, null, reason(403));
        } else if (failure == null && context.statusCode() >= 400 && context.statusCode() < 500) {
            end(context, context.statusCode(), null, reason(context.statusCode()));
        } else {
            context.next();
        }
    }

    public static void end(RoutingContext context, int status, String field, String reason) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(new ErrorResponse(field, reason)));
    }
}
