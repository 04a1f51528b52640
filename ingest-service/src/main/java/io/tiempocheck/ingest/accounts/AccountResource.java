package io.tiempocheck.ingest.accounts;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.ingest.privacy.AccountExport;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;

/** A person's own account: sign-up, who am I, and changes to name, zone and password. */
@Path("/api/v1")
@Blocking
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;
    private final SignedInUser user;
    private final AccountExport export;

    public AccountResource(AccountService accounts, SignedInUser user, AccountExport export) {
        this.accounts = accounts;
        this.user = user;
        this.export = export;
    }

    public record NewAccount(String usuario, String contrasena, String nombre, String tz) {
    }

    public record AccountChanges(String nombre, String tz, String contrasena, String contrasena_actual) {
    }

    public record AccountView(long usuario_id, String usuario, String nombre, String tz, boolean activo, Instant creado_en,
            long dispositivos) {

        static AccountView of(AccountService.Account account) {
            return new AccountView(account.id(), account.login(), account.name(), account.timeZone(), account.active(),
                    account.createdAt(), account.devices());
        }
    }

    @POST
    @Path("/cuentas")
    @PermitAll
    @Operation(summary = "Creates an account (when sign-up is open on this server)")
    @APIResponse(responseCode = "201", description = "The account; sign in with POST /api/v1/sesiones")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid: {campo, motivo}")
    @APIResponse(responseCode = "403", description = "Sign-up is closed on this server")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response signUp(NewAccount request) {
        if (request == null) {
            throw new InvalidInputException(null, "el cuerpo debe ser {\"usuario\", \"contrasena\", \"nombre\", \"tz\"}");
        }
        var account = accounts.signUp(new AccountService.SignUp(
                AccountFields.login("usuario", request.usuario()),
                AccountFields.newPassword("contrasena", request.contrasena()),
                AccountFields.name("nombre", request.nombre()),
                AccountFields.zone("tz", request.tz(), accounts.defaultZone())));
        return Response.status(Response.Status.CREATED).entity(AccountView.of(account)).build();
    }

    @GET
    @Path("/cuenta")
    @RolesAllowed(CurrentUser.USER_ROLE)
    @Operation(summary = "Who am I: the account of the token, its zone and how many active devices it has")
    public AccountView me() {
        return AccountView.of(accounts.account(user.id()));
    }

    @PATCH
    @Path("/cuenta")
    @RolesAllowed(CurrentUser.USER_ROLE)
    @Operation(summary = "Changes the name, the zone, or the password (with the current one); session token required")
    @APIResponse(responseCode = "403", description = "Not a session token, or the current password is wrong")
    public AccountView update(AccountChanges request) {
        user.requireSession();
        if (request == null) {
            throw new InvalidInputException(null, "el cuerpo debe ser {\"nombre\", \"tz\", \"contrasena\", \"contrasena_actual\"}");
        }
        String newPassword = null;
        String current = null;
        if (request.contrasena() != null) {
            newPassword = AccountFields.newPassword("contrasena", request.contrasena());
            current = AccountFields.presentedPassword("contrasena_actual", request.contrasena_actual());
        }
        var changes = new AccountService.Changes(
                request.nombre() == null ? null : AccountFields.name("nombre", request.nombre()),
                request.tz() == null ? null : AccountFields.zone("tz", request.tz(), null),
                current, newPassword);
        return AccountView.of(accounts.update(user.id(), changes));
    }

    public record Erasure(String contrasena) {
    }

    @DELETE
    @Path("/cuenta")
    @RolesAllowed(CurrentUser.USER_ROLE)
    @Operation(summary = "Erases the account and every row of it in every service (session token and password required)")
    @APIResponse(responseCode = "204", description = "Erased here; the other services delete the rest within a minute")
    @APIResponse(responseCode = "403", description = "Not a session token, or the password is wrong")
    public Response erase(Erasure request) {
        user.requireSession();
        accounts.erase(user.id(), AccountFields.presentedPassword("contrasena", request == null ? null : request.contrasena()));
        return Response.noContent().build();
    }

    @GET
    @Path("/cuenta/exportar")
    @RolesAllowed(CurrentUser.USER_ROLE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "All of the person's data as one JSON document (account, devices, registro, hourly and daily"
            + " aggregates, limits, alerts), streamed as a download")
    public Response export() {
        long userId = user.id();
        StreamingOutput body = out -> export.write(userId, out);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"tiempocheck-" + userId + ".json\"").build();
    }
}
