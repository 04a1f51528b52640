package io.tiempocheck.suggestions.forecast;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.QueryParams;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.suggestions.store.FeatureStoreReader;
import io.tiempocheck.suggestions.store.LocalDays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** The signed-in user's forecasts per category, each with the method used and its held-out error. */
@Path("/api/v1/pronosticos")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ForecastResource {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 14;

    private final FeatureStoreReader store;
    private final LocalDays localDays;
    private final ForecastConfig config;
    private final CurrentUser user;

    public ForecastResource(FeatureStoreReader store, LocalDays localDays, ForecastConfig config, CurrentUser user) {
        this.store = store;
        this.localDays = localDays;
        this.config = config;
        this.user = user;
    }

    @GET
    @Operation(summary = "From today on, per category: the forecast daily seconds, the method used (the model only where it"
            + " beat the best baseline on held-out folds) and its held-out MAE")
    @APIResponse(responseCode = "400", description = "dias out of range",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public List<CategoryForecast> forecasts(
            @Parameter(description = "Days from today, 1 to 14; default 7") @QueryParam("dias") String days) throws SQLException {
        int count = QueryParams.count("dias", days, DEFAULT_DAYS, MAX_DAYS);
        LocalDate today = localDays.today(user.zone());
        return Forecasts.of(store.history(user.id(), today.minusDays(config.historyDays()), today.minusDays(1)), today, count);
    }
}
