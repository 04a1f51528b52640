package io.tiempocheck.alerts.limits;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.JsonBodies;
import io.tiempocheck.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

/** The signed-in user's daily limits. */
@Path("/api/v1/limites")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LimitResource {

    private final LimitService limits;
    private final JsonBodies bodies;
    private final CurrentUser user;

    public LimitResource(LimitService limits, JsonBodies bodies, CurrentUser user) {
        this.limits = limits;
        this.bodies = bodies;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a daily limit on one category or one domain; today's usage is compared with it at once")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LimitRequest.class)))
    @APIResponse(responseCode = "201", description = "The stored limit, with its id",
            content = @Content(schema = @Schema(implementation = Limit.class)))
    @APIResponse(responseCode = "400", description = "The field at fault and why",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Response create(String body) throws SQLException {
        Limit limit = limits.create(user.id(), user.zone(), bodies.read(body, LimitRequest.class));
        return Response.created(URI.create("/api/v1/limites/" + limit.id())).entity(limit).build();
    }

    @GET
    @Operation(summary = "The user's limits, oldest first")
    public List<Limit> all() throws SQLException {
        return limits.all(user.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the user's limits")
    @APIResponse(responseCode = "404", description = "No such limit for this user")
    public Limit get(@PathParam("id") long id) throws SQLException {
        return limits.get(user.id(), id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces one of the user's limits and compares it with today's usage; alerts already raised today stay")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LimitRequest.class)))
    @APIResponse(responseCode = "400", description = "The field at fault and why",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No such limit for this user")
    public Limit replace(@PathParam("id") long id, String body) throws SQLException {
        return limits.replace(user.id(), user.zone(), id, bodies.read(body, LimitRequest.class));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deletes one of the user's limits; its past alerts stay listed")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such limit for this user")
    public void delete(@PathParam("id") long id) throws SQLException {
        limits.delete(user.id(), id);
    }
}
