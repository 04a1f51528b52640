package io.tiempocheck.suggestions.policy;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.JsonBodies;
import io.tiempocheck.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;

/** The signed-in user's suggestion policy. */
@Path("/api/v1/politica")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PolicyResource {

    private final PolicyRepository policies;
    private final JsonBodies bodies;
    private final CurrentUser user;

    public PolicyResource(PolicyRepository policies, JsonBodies bodies, CurrentUser user) {
        this.policies = policies;
        this.bodies = bodies;
        this.user = user;
    }

    @GET
    @Operation(summary = "The policy the user's suggestions follow: the defaults until the user changes them")
    public Policy get() throws SQLException {
        return policies.find(user.id()).orElseGet(Policy::defaults);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adopts a policy: missing fields take the defaults, caps sent are merged over the default caps"
            + " (null removes one); /api/sugerencias answers with it at once")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PolicyRequest.class)))
    @APIResponse(responseCode = "200", description = "The adopted policy, complete",
            content = @Content(schema = @Schema(implementation = Policy.class)))
    @APIResponse(responseCode = "400", description = "The field at fault and why",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Policy replace(String body) throws SQLException {
        Policy policy = PolicyValidator.validate(bodies.read(body, PolicyRequest.class), "");
        policies.save(user.id(), policy);
        return policy;
    }
}
