package io.tiempocheck.common.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The JAX-RS side of every service's error bodies: whatever JAX-RS or Jackson refuses (no such
 * resource, method, media type, a body that is not JSON or not of the declared types) answers the
 * same {@link ErrorResponse} as the services' own validation. The HTTP layer's refusals, before
 * JAX-RS, are in {@link HttpLayerErrors}.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response refused = e.getResponse();
        if (refused.hasEntity() || refused.getStatus() >= 500) {
            return refused;
        }
        // The header at fault is the field, as for the Content-Types HttpLayerErrors and the services refuse themselves.
        String field = switch (refused.getStatus()) {
            case 406 -> "Accept";
            case 415 -> "Content-Type";
            default -> null;
        };
        Response.ResponseBuilder answer = Response.fromResponse(refused).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(field, HttpLayerErrors.reason(refused.getStatus())));
        return answer.build();
    }

    /** A valid token without the role (a device token on an admin resource, or the other way round). */
    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response forbidden(ForbiddenException e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(null, HttpLayerErrors.reason(403))).build();
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    private static Response unauthenticated() {
        return Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(null, HttpLayerErrors.reason(401))).build();
    }

    @ServerExceptionMapper
    public Response notJson(JsonParseException e) {
        return badRequest(e);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return badRequest(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return badRequest(e);
    }

    private static Response badRequest(JsonProcessingException e) {
        InvalidInputException refused = JsonInputErrors.of(e);
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(refused.field(), refused.getMessage())).build();
    }
}
