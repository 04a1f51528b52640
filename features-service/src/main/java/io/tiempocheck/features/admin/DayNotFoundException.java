package io.tiempocheck.features.admin;

import io.tiempocheck.common.rest.ErrorResponse;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;

/** 404 for a user-day with no events, aggregates or state. */
class DayNotFoundException extends NotFoundException {

    DayNotFoundException(long userId, LocalDate day) {
        super(Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse("dia", "el usuario " + userId + " no tiene datos el " + day)).build());
    }
}
