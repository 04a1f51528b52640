package io.tiempocheck.alerts.evaluation;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The signed-in user's alerts: a day's list and "Aceptar y cerrar" (the live stream is stream/AlertStreamResource). */
@Path("/api/v1/alertas")
@RolesAllowed(CurrentUser.USER_ROLE)
@Blocking
public class AlertResource {

    private final AlertService alerts;
    private final CurrentUser user;
    private final Clock clock;

    public AlertResource(AlertService alerts, CurrentUser user, Clock clock) {
        this.alerts = alerts;
        this.user = user;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A day's alerts (default today in the user's time zone) with their state, oldest first")
    public List<Alert> ofDay(@QueryParam("dia") String day) throws SQLException {
        return alerts.ofDay(user.id(), day == null ? LocalDate.now(clock.withZone(user.zone())) : QueryDates.parse("dia", day));
    }

    @POST
    @Path("/{id}/aceptar")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledges an alert (\"Aceptar y cerrar\"); accepting again keeps the first time")
    @APIResponse(responseCode = "404", description = "No such alert for this user")
    public Alert accept(@PathParam("id") long id) throws SQLException {
        return alerts.accept(user.id(), id);
    }
}
