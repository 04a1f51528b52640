package io.tiempocheck.suggestions.summary;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.suggestions.policy.Policy;
import io.tiempocheck.suggestions.policy.PolicyRepository;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/** The signed-in user's week: streaks, unusual days, and this week against the last. */
@Path("/api/v1/resumen")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SummaryResource {

    private static final DateTimeFormatter ISO_WEEK = DateTimeFormatter.ISO_WEEK_DATE;

    private final PolicyRepository policies;
    private final FeatureStoreReader store;
    private final LocalDays days;
    private final CurrentUser user;

    public SummaryResource(PolicyRepository policies, FeatureStoreReader store, LocalDays days, CurrentUser user) {
        this.policies = policies;
        this.store = store;
        this.days = days;
        this.user = user;
    }

    @GET
    @Operation(summary = "Streaks, unusual days (median + 3 × 1.4826 × MAD over the last 8 same weekdays) and each"
            + " category's week against the same weekdays of the week before")
    @APIResponse(responseCode = "400", description = "semana is neither AAAA-Www nor AAAA-MM-DD",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public WeekSummary summary(
            @Parameter(description = "An ISO week (2026-W48) or any day of it (2026-11-25); default this week") @QueryParam("semana") String week)
            throws SQLException {
        LocalDate today = days.today(user.zone());
        LocalDate monday = monday(week, today);
        if (monday.isAfter(today)) {
            throw new InvalidInputException("semana", "no puede ser una semana futura");
        }
        Policy policy = policies.find(user.id()).orElseGet(Policy::defaults);
        LocalDate lastCounted = today.minusDays(1);
        LocalDate first = monday.minusDays(WeekSummaries.MAX_STREAK + policy.windowDays()).minusWeeks(WeekSummaries.SAME_WEEKDAYS);
        LocalDate last = lastCounted.isBefore(monday.plusDays(6)) ? lastCounted : monday.plusDays(6);
        return WeekSummaries.of(policy, store.history(user.id(), first, last), monday, lastCounted);
    }

    private static LocalDate monday(String week, LocalDate today) {
        if (week == null || week.isBlank()) {
            return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        LocalDate monday;
        try {
            monday = week.contains("W")
                    ? LocalDate.parse(week.strip() + "-1", ISO_WEEK)
                    : LocalDate.parse(week.strip()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("semana", "debe ser una semana ISO (2026-W48) o " + QueryDates.A_DATE);
        }
        // The weeks before it are read too: near java.time's last years they do not exist.
        if (monday.isBefore(QueryDates.FIRST) || monday.isAfter(QueryDates.LAST)) {
            throw new InvalidInputException("semana", "debe ser una semana entre " + QueryDates.FIRST + " y " + QueryDates.LAST);
        }
        return monday;
    }
}
