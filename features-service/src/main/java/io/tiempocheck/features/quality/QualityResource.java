package io.tiempocheck.features.quality;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.common.security.AdminTokenAwareAuthMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The data-quality traffic lights for the operator: the latest run, a run now, and each check's history. */
@Path("/admin/api/qa_datos")
@RolesAllowed(AdminTokenAwareAuthMechanism.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class QualityResource {

    /** The longest history one request reads: at a run every 5 minutes, about 100,000 entries. */
    static final Duration MAX_HISTORY = Duration.ofDays(31);
    static final String NOT_A_MOMENT = "debe ser una fecha AAAA-MM-DD o un instante ISO-8601 como 2026-12-03T09:00:00Z";

    private final QualityRuns runs;
    private final QualityRepository repository;
    private final Clock clock;

    public QualityResource(QualityRuns runs, QualityRepository repository, Clock clock) {
        this.runs = runs;
        this.repository = repository;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The latest qa_datos run: every check's state (verde, amarillo, rojo), value, thresholds, sentence"
            + " and detalle; 404 before the first run")
    public Response latest() throws SQLException {
        return runs.latest().map(run -> Response.ok(run))
                .orElseGet(() -> Response.status(404).entity(new ErrorResponse(null, "aún no hay ejecuciones de qa_datos")))
                .build();
    }

    @POST
    @Path("/ejecutar")
    @Operation(summary = "Runs every check now and answers the run; 409 while a run is in progress on any replica")
    public Response runNow() throws SQLException {
        return runs.runNow().map(run -> Response.ok(run))
                .orElseGet(() -> Response.status(409).entity(new ErrorResponse("job", "ya hay una ejecución en curso")))
                .build();
    }

    @GET
    @Path("/historial")
    @Operation(summary = "Each check's state and value run after run between desde and hasta (AAAA-MM-DD or ISO instants,"
            + " default the last 24 h, at most 31 days), of one check when check is given")
    public CheckHistory history(@QueryParam("check") String check, @QueryParam("desde") String from,
            @QueryParam("hasta") String to) throws SQLException {
        if (check != null) {
            Set<String> known = runs.checkIds();
            if (!known.contains(check)) {
                throw new InvalidInputException("check", "debe ser uno de: " + String.join(", ", known));
            }
        }
        Instant end = to == null ? clock.instant() : moment("hasta", to, true);
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : moment("desde", from, false);
        if (start.isAfter(end)) {
            throw new InvalidInputException("desde", "debe ser anterior o igual a hasta");
        }
        if (Duration.between(start, end).compareTo(MAX_HISTORY) > 0) {
            throw new InvalidInputException("desde", "el rango admite como máximo " + MAX_HISTORY.toDays() + " días");
        }
        // Without hasta the history runs up to the latest run, whatever its clock: MySQL's driver sends instants to
        // MariaDB without their milliseconds, so "before now" would miss a run stored within the same second.
        return new CheckHistory(start, end, repository.history(check, start, to == null ? null : end));
    }

    /** A day means its whole UTC day: desde from its start, hasta up to its end. */
    private static Instant moment(String field, String value, boolean endOfDay) {
        if (value.length() == 10) {
            LocalDate day = QueryDates.parse(field, value);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            Instant instant = Instant.parse(value);
            QueryDates.bounded(field, instant.atOffset(ZoneOffset.UTC).toLocalDate());
            return instant;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, NOT_A_MOMENT);
        }
    }
}
