package io.tiempocheck.suggestions.evaluation;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.JsonBodies;
import io.tiempocheck.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Walk-forward evaluations of policies over the signed-in user's past days. */
@Path("/api/v1/politicas")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EvaluationResource {

    private final EvaluationService evaluations;
    private final JsonBodies bodies;
    private final CurrentUser user;

    public EvaluationResource(EvaluationService evaluations, JsonBodies bodies, CurrentUser user) {
        this.evaluations = evaluations;
        this.bodies = bodies;
        this.user = user;
    }

    @POST
    @Path("/evaluar")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Runs each policy walk-forward over the past range: every day's suggestion from the days before it,"
            + " compared with that day's use; the evaluation is stored")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "201", description = "The stored evaluation",
            content = @Content(schema = @Schema(implementation = Evaluation.class)))
    @APIResponse(responseCode = "400", description = "The field at fault and why",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Response evaluate(String body) throws SQLException {
        Evaluation evaluation = evaluations.evaluate(user.id(), user.zone(), bodies.read(body, EvaluationRequest.class));
        return Response.created(URI.create("/api/v1/politicas/evaluaciones/" + evaluation.id())).entity(evaluation).build();
    }

    @GET
    @Path("/evaluaciones/{id}")
    @Operation(summary = "A stored evaluation, as it was answered")
    @APIResponse(responseCode = "404", description = "No such evaluation for this user")
    public Evaluation get(@PathParam("id") long id) throws SQLException {
        return evaluations.get(user.id(), id);
    }
}
