package io.tiempocheck.features.health;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The seed's scheduler and freshness panel. Open like the probes: it holds no user's data. */
@Path("/features_health")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeaturesHealthResource {

    private final FeaturesHealthService health;

    public FeaturesHealthResource(FeaturesHealthService health) {
        this.health = health;
    }

    @GET
    @Operation(summary = "Scheduler, jobs (last and next run), aggregate lag and recency, consumer lag per partition;"
            + " estado ok, degraded or down with its reasons (503 when down)")
    public Response health() {
        FeaturesHealth report = health.report(true);
        return Response.status(FeaturesHealth.DOWN.equals(report.status()) ? 503 : 200).entity(report).build();
    }
}
