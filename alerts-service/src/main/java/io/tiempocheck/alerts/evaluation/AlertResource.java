package io.tiempocheck.alerts.evaluation;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.alerts.stream.OpenStreams;
import io.tiempocheck.alerts.stream.RevokedStreams;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The signed-in user's alerts: the live stream, a day's list, and "Aceptar y cerrar". */
@Path("/api/v1/alertas")
@RolesAllowed(CurrentUser.USER_ROLE)
@Blocking
public class AlertResource {

    private final AlertService alerts;
    private final OpenStreams streams;
    private final RevokedStreams revokedStreams;
    private final CurrentUser user;
    private final Clock clock;

    public AlertResource(AlertService alerts, OpenStreams streams, RevokedStreams revokedStreams, CurrentUser user, Clock clock) {
        this.alerts = alerts;
        this.streams = streams;
        this.revokedStreams = revokedStreams;
        this.user = user;
        this.clock = clock;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: each alert as `event: alerta`, `id: <alert id>`, `data: <alert JSON>`",
            description = "Authenticate with `Authorization: Bearer <token>` or, for clients that cannot set headers"
                    + " (EventSource), with the query parameter `token`. A client that reconnects with `Last-Event-ID`"
                    + " (or `last_event_id`) first receives every alert after that id, in order, then live ones; without"
                    + " it (a first connection), today's alerts not yet accepted, then live ones (`last_event_id=0` replays"
                    + " all). Comment lines keep the"
                    + " connection open every 15 s.")
    @Parameter(name = "token", in = ParameterIn.QUERY, description = "The device token, when the Authorization header cannot be set",
            schema = @Schema(implementation = String.class))
    @APIResponse(responseCode = "200", description = "text/event-stream, open until the client leaves")
    @APIResponse(responseCode = "400", description = "Last-Event-ID is not an alert id")
    @APIResponse(responseCode = "401", description = "No valid token")
    public void stream(@Context SseEventSink sink, @Context Sse sse,
            @Parameter(description = "Id of the last alert the client received; the SSE reconnection header")
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "The same, for clients that cannot set headers") @QueryParam("last_event_id") String lastEventIdQuery)
            throws SQLException {
        Long lastEventId = null;
        if (lastEventIdHeader != null && !lastEventIdHeader.isBlank()) {
            lastEventId = alertId("Last-Event-ID", lastEventIdHeader);
        } else if (lastEventIdQuery != null) {
            lastEventId = alertId("last_event_id", lastEventIdQuery);
        }
        revokedStreams.watch(user.id(), user.deviceId(), sink);
        streams.open(user.id(), lastEventId, LocalDate.now(clock.withZone(user.zone())), sink, sse);
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

    private static long alertId(String field, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field, "debe ser el id numérico de la última alerta recibida");
    }
}
