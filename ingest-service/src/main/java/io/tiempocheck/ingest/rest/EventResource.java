package io.tiempocheck.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.ingest.devices.DeviceActivity;
import io.tiempocheck.ingest.rejections.RejectionTally;
import io.tiempocheck.ingest.service.BatchRefusedException;
import io.tiempocheck.ingest.service.Caller;
import io.tiempocheck.ingest.service.EventIntakeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path(EventResource.PATH)
@RolesAllowed(CurrentUser.USER_ROLE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    public static final String PATH = "/api/v1/eventos";

    private final EventIntakeService intake;
    private final EventBatchReader reader;
    private final CurrentUser user;
    private final DeviceActivity activity;
    private final RejectionTally rejections;

    public EventResource(EventIntakeService intake, EventBatchReader reader, CurrentUser user, DeviceActivity activity,
            RejectionTally rejections) {
        this.intake = intake;
        this.reader = reader;
        this.user = user;
        this.activity = activity;
        this.rejections = rejections;
    }

    @POST
    // A worker thread: handing a batch to the producer can block (metadata, full buffer) up to max.block.ms.
    @Blocking
    // A typed answer with a fixed status: the JSON writer is chosen once at build time, not per request.
    @ResponseStatus(202)
    @Operation(summary = "Takes in a batch of up to 500 measured intervals")
    @APIResponse(responseCode = "202", description = "Accepted events are durably in Kafka; rejected ones are listed with index, field and reason; copies of an event_id already in the batch count once and are listed apart (duplicados)")
    @APIResponse(responseCode = "400", description = "The body is not JSON or has no 'eventos' list")
    @APIResponse(responseCode = "413", description = "More than 500 events, or a body over 1 MiB")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time: keep the batch and retry after Retry-After seconds")
    public Uni<BatchResponse> take(byte[] body) {
        if (user.deviceId() == null) {
            // A session token has no device to record the events under.
            throw new BatchRefusedException(403, null, "los eventos se envían con un token de dispositivo (POST /api/v1/dispositivos)");
        }
        long userId = user.id();
        String deviceId = user.deviceId();
        return intake.take(reader.read(body), new Caller(userId, deviceId, user.zone()))
                .invoke(batch -> {
                    activity.seen(deviceId);
                    // Only an answered batch: after a 503 the client sends it again, and its rejections with it.
                    rejections.countEvents(userId, batch.rejected());
                })
                .map(BatchResponse::of);
    }
}
