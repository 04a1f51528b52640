package io.tiempocheck.ingest.rest;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.security.AdminTokenAwareAuthMechanism;
import io.tiempocheck.ingest.accounts.AccountAdmin;
import io.tiempocheck.ingest.config.IngestConfig;
import io.tiempocheck.ingest.service.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.DateTimeException;
import java.time.ZoneId;

@Path("/admin/api/usuarios")
@RolesAllowed(AdminTokenAwareAuthMechanism.ADMIN_ROLE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserAdminResource {

    private static final int MAX_NAME_LENGTH = 100;

    private final UserService users;
    private final IngestConfig config;
    private final AccountAdmin accounts;

    public UserAdminResource(UserService users, IngestConfig config, AccountAdmin accounts) {
        this.users = users;
        this.config = config;
        this.accounts = accounts;
    }

    public record NewUser(String nombre, String tz) {
    }

    public record CreatedUser(long usuario_id, String device_id, String tz, String token) {
    }

    @POST
    public Response create(NewUser request) {
        if (request == null || request.nombre() == null || request.nombre().isBlank()) {
            throw new InvalidInputException("nombre", "falta");
        }
        if (request.nombre().length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("nombre", "como máximo " + MAX_NAME_LENGTH + " caracteres");
        }
        if (request.nombre().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("nombre", "no admite caracteres de control (NUL, saltos de línea, ...)");
        }
        var enrollment = users.createUser(request.nombre().strip(), zone(request.tz()));
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedUser(enrollment.userId(), enrollment.deviceId(), enrollment.timeZone().getId(), enrollment.token()))
                .build();
    }

    @GET
    @Operation(summary = "Lists the accounts, by id, a page at a time")
    public AccountAdmin.Listing list(@QueryParam("pagina") String page, @QueryParam("tamano") String size) {
        return accounts.list(page, size);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Disables an account ({\"activo\": false}: every token of it refused everywhere within a minute) or enables it again")
    public AccountAdmin.AdminView update(@PathParam("id") long id, AccountAdmin.AdminChanges changes) {
        return accounts.update(id, changes);
    }

    private ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return config.defaultTimeZone();
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new InvalidInputException("tz", "zona horaria desconocida: " + tz);
        }
    }
}
