package io.tiempocheck.features.categories;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryParams;
import io.tiempocheck.common.security.AdminTokenAwareAuthMechanism;
import io.tiempocheck.features.categories.CategoryViews.GlobalCategories;
import io.tiempocheck.features.categories.CategoryViews.GlobalSiteCategory;
import io.tiempocheck.features.categories.CategoryViews.SiteCategoryRequest;
import io.tiempocheck.features.categories.CategoryViews.UncategorisedSites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;

/** The operator's side of the categories: the global site → category table and the time no category explains yet. */
@Path("/admin/api/categorias")
@RolesAllowed(AdminTokenAwareAuthMechanism.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class GlobalCategoryResource {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_TOP = 50;
    static final int MAX_TOP = 500;

    private final GlobalCategoryService categories;

    public GlobalCategoryResource(GlobalCategoryService categories) {
        this.categories = categories;
    }

    @GET
    @Operation(summary = "The global categories and every domain of the global table with its category")
    public GlobalCategories all() throws SQLException {
        return categories.all();
    }

    @GET
    @Path("/sin_categoria")
    @Operation(summary = "The sites with no global category, by the seconds every user spent on them uncategorised"
            + " over the last dias (1-366, default 7) UTC days; top 1-500 (default 50)")
    public UncategorisedSites uncategorised(@QueryParam("dias") String days, @QueryParam("top") String top) throws SQLException {
        return categories.uncategorised(QueryParams.count("dias", days, DEFAULT_DAYS, MAX_DAYS),
                QueryParams.top(top, DEFAULT_TOP, MAX_TOP));
    }

    @PUT
    @Path("/{dominio}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Gives the domain a global category; every user's history of it without a personal override"
            + " is re-categorised in the same transaction")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GlobalSiteCategory.class)))
    @APIResponse(responseCode = "400", description = "A domain that is no website (the ingest's rules), or no categoria",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No global category of that name")
    public GlobalSiteCategory assign(@PathParam("dominio") String domain, SiteCategoryRequest body) throws SQLException {
        if (body == null) {
            throw new InvalidInputException(null, "falta el cuerpo JSON");
        }
        return categories.assign(domain, body.categoria());
    }
}
