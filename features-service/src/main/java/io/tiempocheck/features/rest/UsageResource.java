package io.tiempocheck.features.rest;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.features.service.UsageQueryService;
import io.tiempocheck.features.service.UsageRange;
import io.tiempocheck.features.service.UsageViews.CategoryUsage;
import io.tiempocheck.features.service.UsageViews.DailyUsage;
import io.tiempocheck.features.service.UsageViews.HourlyUsage;
import io.smallrye.common.annotation.Blocking;
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
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A user's own usage, read from the feature store. Days and hours are local to the user's time zone. */
@Path("/api/v1/uso")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UsageResource {

    private final UsageQueryService usage;
    private final CurrentUser user;
    private final Clock clock;

    public UsageResource(UsageQueryService usage, CurrentUser user, Clock clock) {
        this.usage = usage;
        this.user = user;
        this.clock = clock;
    }

    @GET
    @Path("/horario")
    @Operation(summary = "Seconds per local hour of one day (default today), by category and top domains")
    public HourlyUsage hourly(@QueryParam("dia") String day) throws SQLException {
        return usage.hourly(user.id(), user.zone(), day == null ? today() : date("dia", day));
    }

    @GET
    @Path("/diario")
    @Operation(summary = "Seconds per local day between desde and hasta (default the last 7 days)")
    public DailyUsage daily(@QueryParam("desde") String from, @QueryParam("hasta") String to) throws SQLException {
        LocalDate last = to == null ? today() : date("hasta", to);
        LocalDate first = from == null ? last.minusDays(6) : date("desde", from);
        if (first.isAfter(last)) {
            throw new InvalidInputException("desde", "debe ser anterior o igual a hasta");
        }
        if (ChronoUnit.DAYS.between(first, last) >= usage.maxRangeDays()) {
            throw new InvalidInputException("desde", "el rango admite como máximo " + usage.maxRangeDays() + " días");
        }
        return usage.daily(user.id(), user.zone(), first, last);
    }

    @GET
    @Path("/categorias")
    @Operation(summary = "Seconds by category over hoy, 7d, 30d or total (default)")
    public CategoryUsage categories(@QueryParam("rango") String range) throws SQLException {
        UsageRange parsed = range == null ? UsageRange.TOTAL : UsageRange.fromWire(range)
                .orElseThrow(() -> new InvalidInputException("rango", "debe ser hoy, 7d, 30d o total"));
        return usage.categories(user.id(), parsed, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(user.zone()));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "debe ser una fecha AAAA-MM-DD");
        }
    }
}
