package io.tiempocheck.features.categories;

import io.tiempocheck.common.rest.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A category request refused with 404 or 409, answered as {@code {"campo", "motivo"}} like every other 4xx. */
class CategoryRefused extends WebApplicationException {

    CategoryRefused(int status, String field, String reason) {
        super(reason, null, Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(field, reason)).build());
    }

    static CategoryRefused unknownCategory(String name) {
        return new CategoryRefused(404, "categoria", "no existe la categoría " + name);
    }
}
