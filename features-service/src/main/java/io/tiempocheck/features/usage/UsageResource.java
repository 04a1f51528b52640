package io.tiempocheck.features.usage;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.common.rest.QueryParams;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.features.usage.UsageViews.CategoryUsage;
import io.tiempocheck.features.usage.UsageViews.DailyUsage;
import io.tiempocheck.features.usage.UsageViews.HourlyUsage;
import io.tiempocheck.features.usage.UsageViews.SiteUsage;
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

/** A user's own usage, read from the feature store. Days and hours are local to the user's time zone. */
@Path("/api/v1/uso")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UsageResource {

    private static final int DEFAULT_TOP_SITES = 10;
    private static final int MAX_TOP_SITES = 500;

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
        return usage.hourly(user.id(), user.zone(), day == null ? today() : QueryDates.parse("dia", day));
    }

    @GET
    @Path("/diario")
    @Operation(summary = "Seconds per local day between desde and hasta (default the last 7 days); dominios=false leaves out each day's sites")
    public DailyUsage daily(@QueryParam("desde") String from, @QueryParam("hasta") String to,
            @QueryParam("dominios") String withDomains) throws SQLException {
        LocalDate last = to == null ? today() : QueryDates.parse("hasta", to);
        QueryDates.DateRange range = QueryDates.range(null, from, to, last.minusDays(6), last, usage.maxRangeDays());
        return usage.daily(user.id(), user.zone(), range.from(), range.to(), QueryParams.flag("dominios", withDomains, true));
    }

    @GET
    @Path("/categorias")
    @Operation(summary = "Seconds by category over hoy, 7d, 30d, total (default) or desde..hasta")
    public CategoryUsage categories(@QueryParam("rango") String range, @QueryParam("desde") String from,
            @QueryParam("hasta") String to) throws SQLException {
        return usage.categories(user.id(), UsageWindow.parse(range, from, to, today(), usage.maxRangeDays()));
    }

    @GET
    @Path("/sitios")
    @Operation(summary = "The top sites (1-500, default 10) by seconds over hoy, 7d, 30d, total (default) or desde..hasta")
    public SiteUsage sites(@QueryParam("rango") String range, @QueryParam("desde") String from,
            @QueryParam("hasta") String to, @QueryParam("top") String top) throws SQLException {
        UsageWindow window = UsageWindow.parse(range, from, to, today(), usage.maxRangeDays());
        return usage.sites(user.id(), window, QueryParams.top(top, DEFAULT_TOP_SITES, MAX_TOP_SITES));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(user.zone()));
    }
}
