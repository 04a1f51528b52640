package io.tiempocheck.features.admin;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.common.rest.QueryParams;
import io.tiempocheck.common.security.AdminTokenAwareAuthMechanism;
import io.tiempocheck.features.export.ExportRepository.Table;
import io.tiempocheck.features.export.ExportService;
import io.tiempocheck.features.jobs.FeatureJob;
import io.tiempocheck.features.jobs.FeatureJobs;
import io.tiempocheck.features.rebuild.RebuildResult;
import io.tiempocheck.features.rebuild.RebuildService;
import io.tiempocheck.features.store.FeatureScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The operator's tools on the feature store: state, rebuild, run a job now, export. */
@Path("/admin/api")
@RolesAllowed(AdminTokenAwareAuthMechanism.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeaturesAdminResource {

    private final DayStatusService status;
    private final RebuildService rebuilds;
    private final FeatureJobs jobs;
    private final ExportService export;
    private final Clock clock;

    public FeaturesAdminResource(DayStatusService status, RebuildService rebuilds, FeatureJobs jobs, ExportService export,
            Clock clock) {
        this.status = status;
        this.rebuilds = rebuilds;
        this.jobs = jobs;
        this.export = export;
        this.clock = clock;
    }

    @GET
    @Path("/features_estado")
    @Operation(summary = "A user-day's state: events, seconds, closed or open, last update and rebuild, recorded and current QA")
    public DayStatus state(@QueryParam("usuario_id") String userIdParam, @QueryParam("dia") String day) throws SQLException {
        long user = required("usuario_id", QueryParams.userId(userIdParam));
        LocalDate date = QueryDates.parse("dia", required("dia", day));
        return status.status(user, date).orElseThrow(() -> new DayNotFoundException(user, date));
    }

    @POST
    @Path("/features_rebuild")
    @Operation(summary = "Rebuilds the aggregates of dia (or desde..hasta) from registro for usuario_id, or for every user"
            + " when it is omitted; answers with what changed")
    public RebuildResult rebuild(@QueryParam("dia") String day, @QueryParam("desde") String from, @QueryParam("hasta") String to,
            @QueryParam("usuario_id") String userIdParam) throws SQLException {
        if (day == null && from == null && to == null) {
            throw new InvalidInputException("dia", "indica dia o desde/hasta");
        }
        if (day == null && (from == null || to == null)) {
            throw new InvalidInputException(from == null ? "desde" : "hasta", "un rango necesita desde y hasta");
        }
        QueryDates.DateRange range = QueryDates.range(day, from, to, null, null, QueryDates.MAX_RANGE_DAYS);
        return rebuilds.rebuild(QueryParams.userId(userIdParam), range.from(), range.to());
    }

    @POST
    @Path("/features_jobs/{job}")
    @Operation(summary = "Runs features_horarias, features_diarias, features_catchup or qa_datos now; 409 while a run of it is in progress")
    public Response runJob(@PathParam("job") String id) throws SQLException {
        FeatureJob job = FeatureJob.byId(id).orElseThrow(
                () -> new InvalidInputException("job", "debe ser features_horarias, features_diarias, features_catchup o qa_datos"));
        return jobs.runNow(job)
                .map(run -> Response.ok(run))
                .orElseGet(() -> Response.status(409).entity(new ErrorResponse("job", "ya hay una ejecución en curso")))
                .build();
    }

    @GET
    @Path("/features_export")
    @Produces("application/gzip")
    @Operation(summary = "Streams features_horarias or features_diarias (tabla) as CSV.gz with a header and schema_ver;"
            + " desde/hasta optional (default all history); 409 listing the problems when the data does not validate")
    public Response export(@QueryParam("tabla") String tableName, @QueryParam("desde") String from,
            @QueryParam("hasta") String to, @QueryParam("usuario_id") String userIdParam) throws SQLException {
        Table table = switch (required("tabla", tableName)) {
            case "features_horarias" -> Table.HOURLY;
            case "features_diarias" -> Table.DAILY;
            default -> throw new InvalidInputException("tabla", "debe ser features_horarias o features_diarias");
        };
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        QueryDates.DateRange range = QueryDates.range(null, from, to, QueryDates.FIRST, today.plusDays(1), 365 * 100);
        Long userId = QueryParams.userId(userIdParam);
        FeatureScope scope = userId == null ? FeatureScope.allUsers(range.from(), range.to())
                : FeatureScope.ofUser(userId, range.from(), range.to());
        List<String> problems = export.problems(scope);
        if (!problems.isEmpty()) {
            return Response.status(409).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorResponse(table.tableName(), "no se exporta: " + String.join("; ", problems))).build();
        }
        StreamingOutput body = out -> {
            try {
                export.writeCsvGz(table, scope, out);
            } catch (SQLException e) {
                throw new IOException("export of " + table.tableName() + " failed", e);
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"" + table.tableName() + ".csv.gz\"").build();
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "es obligatorio");
        }
        return value;
    }
}
