package io.tiempocheck.suggestions.rest;

import io.tiempocheck.common.rest.ErrorResponse;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class NotFoundMapper {

    /** Another user's evaluation is answered exactly like one that does not exist. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(null, e.getMessage())).build();
    }
}
