package io.tiempocheck.alerts.stream;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
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

/** The signed-in user's live alert stream. */
@Path(QueryTokenFilter.STREAM_PATH)
@RolesAllowed(CurrentUser.USER_ROLE)
@Blocking
public class AlertStreamResource {

    private final OpenStreams streams;
    private final RevokedStreams revokedStreams;
    private final CurrentUser user;
    private final Clock clock;

    public AlertStreamResource(OpenStreams streams, RevokedStreams revokedStreams, CurrentUser user, Clock clock) {
        this.streams = streams;
        this.revokedStreams = revokedStreams;
        this.user = user;
        this.clock = clock;
    }

    @GET
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

    private static long alertId(String field, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Not a number: refused like a negative one.
        }
        throw new InvalidInputException(field, "debe ser el id numérico de la última alerta recibida");
    }
}
