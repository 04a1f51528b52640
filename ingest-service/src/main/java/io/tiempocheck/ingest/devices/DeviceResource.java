package io.tiempocheck.ingest.devices;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.ingest.accounts.AccountFields;
import io.tiempocheck.ingest.accounts.SignedInUser;
import io.tiempocheck.ingest.model.Device;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;

/** The browsers connected to the signed-in account. */
@Path("/api/v1/dispositivos")
@RolesAllowed(CurrentUser.USER_ROLE)
@Blocking
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final DeviceService devices;
    private final SignedInUser user;

    public DeviceResource(DeviceService devices, SignedInUser user) {
        this.devices = devices;
        this.user = user;
    }

    public record DeviceRequest(String nombre) {
    }

    public record CreatedDevice(String device_id, String nombre, Instant creado_en, String token) {
    }

    public record DeviceView(String device_id, String nombre, Instant creado_en, Instant visto_en) {

        static DeviceView of(Device device) {
            return new DeviceView(device.id, device.name, device.createdAt, device.lastSeen);
        }
    }

    @POST
    @Operation(summary = "Creates a device token for a browser's extension (session token required); the token is shown only in this answer")
    @APIResponse(responseCode = "201", description = "The device id and its token")
    @APIResponse(responseCode = "403", description = "Called with a device token instead of a session")
    public Response create(DeviceRequest request) {
        user.requireSession();
        if (request == null) {
            throw new InvalidInputException("nombre", "falta");
        }
        var device = devices.create(user.id(), AccountFields.name("nombre", request.nombre()));
        return Response.status(Response.Status.CREATED).entity(new CreatedDevice(device.deviceId(), device.name(), device.createdAt(), device.token())).build();
    }

    @GET
    @Operation(summary = "The account's active devices, oldest first, with when ingest last took in a batch from each (to the minute)")
    public List<DeviceView> list() {
        return devices.active(user.id()).stream().map(DeviceView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revokes a device: its token is refused by every service within a minute (session token required)")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No active device with that id in this account")
    public Response revoke(@PathParam("id") String id) {
        user.requireSession();
        devices.revoke(user.id(), id);
        return Response.noContent().build();
    }
}
