package io.tiempocheck.common.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A resource that consumes JSON gets JSON in UTF-8 (RFC 8259) or answers 415: JAX-RS would take a
 * body with no Content-Type at all, and decode one declared latin1 or utf-16 as such, so the same
 * bytes would mean different text depending on a header. Requests that carry no body (a GET, say) need
 * no Content-Type.
 */
public class JsonContentType {

    @ServerRequestFilter
    public Optional<Response> requireUtf8Json(ContainerRequestContext request, ResourceInfo resource) {
        if (!consumesJson(resource.getResourceMethod(), resource.getResourceClass()) || bodiless(request)) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        if (type == null) {
            return refuse("falta Content-Type: application/json");
        }
        if (!type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return refuse("Content-Type debe ser application/json, no " + type.getType() + "/" + type.getSubtype());
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name()) && !charset.equalsIgnoreCase("utf8")) {
            return refuse("el cuerpo JSON debe ir en UTF-8, no en " + charset);
        }
        return Optional.empty();
    }

    /**
     * A GET, HEAD, OPTIONS or DELETE without a body declares no Content-Type, as browsers send them: a
     * class-level {@code @Consumes} must not turn a download into a 415. With a body they are checked too.
     */
    private static boolean bodiless(ContainerRequestContext request) {
        boolean bodyMethod = switch (request.getMethod()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
        if (bodyMethod) {
            return false;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") == null && (length == null || length.trim().equals("0"));
    }

    private static boolean consumesJson(Method method, Class<?> type) {
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes == null && type != null) {
            consumes = type.getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.asList(consumes.value()).contains(MediaType.APPLICATION_JSON);
    }

    private static Optional<Response> refuse(String reason) {
        return Optional.of(Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("Content-Type", reason)).build());
    }
}
