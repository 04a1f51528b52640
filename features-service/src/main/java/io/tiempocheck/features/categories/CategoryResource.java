package io.tiempocheck.features.categories;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.features.categories.CategoryViews.Category;
import io.tiempocheck.features.categories.CategoryViews.CategoryList;
import io.tiempocheck.features.categories.CategoryViews.NewCategory;
import io.tiempocheck.features.categories.CategoryViews.SiteCategory;
import io.tiempocheck.features.categories.CategoryViews.SiteCategoryRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;

/** The categories a person can give a site (the original's and their own) and their per-site overrides. */
@Path("/api/v1/categorias")
@RolesAllowed(CurrentUser.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CategoryResource {

    private final CategoryService categories;
    private final CurrentUser user;

    public CategoryResource(CategoryService categories, CurrentUser user) {
        this.categories = categories;
        this.user = user;
    }

    @GET
    @Operation(summary = "The original's categories (propia false), then the person's own (propia true)")
    public CategoryList all() throws SQLException {
        return new CategoryList(categories.all(user.id()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a category of the person's own")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Category.class)))
    @APIResponse(responseCode = "400", description = "nombre blank or over 64 characters",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "409", description = "A global or own category of that name exists")
    public Response create(NewCategory body) throws SQLException {
        Category created = categories.create(user.id(), required(body).nombre());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/{dominio}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Gives the site a category for this person; their whole history of it is re-categorised at once")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SiteCategory.class)))
    @APIResponse(responseCode = "400", description = "A domain that is no website (the ingest's rules)")
    @APIResponse(responseCode = "404", description = "No such category for this person")
    public SiteCategory override(@PathParam("dominio") String domain, SiteCategoryRequest body) throws SQLException {
        return categories.override(user.id(), domain, required(body).categoria());
    }

    @DELETE
    @Path("/{dominio}")
    @Operation(summary = "Removes the person's override; the site's history goes back to its global category")
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "404", description = "The person had not changed this site's category")
    public Response removeOverride(@PathParam("dominio") String domain) throws SQLException {
        categories.removeOverride(user.id(), domain);
        return Response.noContent().build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException(null, "falta el cuerpo JSON");
        }
        return body;
    }
}
