package io.tiempocheck.features.qa;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.common.rest.QueryParams;
import io.tiempocheck.common.security.AdminTokenAwareAuthMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The seed's consistency check. Admin only: it lists every user's days. */
@Path("/features_qa")
@RolesAllowed(AdminTokenAwareAuthMechanism.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeaturesQaResource {

    private final QaService qa;
    private final Clock clock;

    public FeaturesQaResource(QaService qa, Clock clock) {
        this.qa = qa;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Per (user, day): seconds in hours, day and registro and the deltas between them, with a summary."
            + " dia or desde/hasta (default the last 7 days), usuario_id optional, solo_delta=true lists only days with a delta")
    public QaReport check(@QueryParam("dia") String day, @QueryParam("desde") String from, @QueryParam("hasta") String to,
            @QueryParam("usuario_id") String userIdParam, @QueryParam("solo_delta") boolean onlyDeltas) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        QueryDates.DateRange range = QueryDates.range(day, from, to, today.minusDays(6), today, QueryDates.MAX_RANGE_DAYS);
        return qa.report(QueryParams.userId(userIdParam), range.from(), range.to(), onlyDeltas);
    }
}
