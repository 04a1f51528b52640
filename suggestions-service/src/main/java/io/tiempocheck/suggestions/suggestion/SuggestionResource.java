package io.tiempocheck.suggestions.suggestion;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.text.Collator;
import java.util.List;
import java.util.Locale;

/** The signed-in user's suggestions for today, from the complete local days before it. */
@Path("/api")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SuggestionResource {

    private final SuggestionService suggestions;
    private final CurrentUser user;

    public SuggestionResource(SuggestionService suggestions, CurrentUser user) {
        this.suggestions = suggestions;
        this.user = user;
    }

    @GET
    @Path("/sugerencias")
    @Operation(summary = "One line per category used in the window: limite or meta, seconds, tier")
    public List<SuggestionLine> lines() throws SQLException {
        return suggestions.today(user.id(), user.zone()).stream().map(SuggestionLine::of).toList();
    }

    @GET
    @Path("/sugerencias_detalle")
    @Operation(summary = "Each suggestion with its window, daily values, base, multiplier, cap, tier thresholds and formula")
    @APIResponse(responseCode = "404", description = "The category was not used in the window")
    public List<SuggestionDetail> details(
            @Parameter(description = "Only this category (case and accents are ignored)") @QueryParam("categoria") String category)
            throws SQLException {
        List<SuggestionDetail> all = suggestions.today(user.id(), user.zone());
        if (category == null || category.isBlank()) {
            return all;
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag("es-MX"));
        collator.setStrength(Collator.PRIMARY);
        List<SuggestionDetail> matching = all.stream().filter(s -> collator.equals(s.category(), category.strip())).toList();
        if (matching.isEmpty()) {
            throw new NotFoundException("sin uso de la categoría " + category.strip() + " en la ventana");
        }
        return matching;
    }
}
