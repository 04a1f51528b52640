package io.tiempocheck.suggestions.forecast;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.security.AdminTokenAwareAuthMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The operator's view of the forecasting methods over all users. */
@Path("/admin/api/modelos")
@RolesAllowed(AdminTokenAwareAuthMechanism.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ModelAdminResource {

    private final RefitRuns runs;
    private final ModelRefit refit;

    public ModelAdminResource(RefitRuns runs, ModelRefit refit) {
        this.runs = runs;
        this.refit = refit;
    }

    @GET
    @Path("/evaluacion")
    @Operation(summary = "The latest successful backtest over all users: per method held-out MAE, RMSE, MASE and how often it was chosen")
    @APIResponse(responseCode = "404", description = "No run has finished yet")
    public RefitRun evaluation() throws SQLException {
        return runs.latestSuccessful().orElseThrow(() -> new NotFoundException("aún no hay ninguna ejecución terminada"));
    }

    @POST
    @Path("/reentrenar")
    @Operation(summary = "Runs the nightly refit and backtest now, and answers its record")
    @APIResponse(responseCode = "400", description = "An unknown method",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "409", description = "Another run (on any replica) is in progress",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Response refitNow(
            @Parameter(description = "Only these methods, comma-separated (ingenuo_estacional, ...); default all")
            @QueryParam("metodos") String methods) throws SQLException {
        return refit.run("manual", methods(methods)).map(run -> Response.ok(run).build())
                .orElseGet(() -> Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ErrorResponse(null, "otra ejecución está en curso")).build());
    }

    private static List<Method> methods(String names) {
        if (names == null || names.isBlank()) {
            return Arrays.asList(Method.values());
        }
        List<Method> methods = new ArrayList<>();
        for (String name : names.split(",")) {
            methods.add(Arrays.stream(Method.values()).filter(m -> m.id().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("metodos", "método desconocido: " + name.strip())));
        }
        return methods;
    }
}
