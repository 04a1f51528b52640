package io.tiempocheck.ingest.sessions;

import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.ingest.accounts.AccountFields;
import io.tiempocheck.ingest.accounts.Passwords;
import io.tiempocheck.ingest.accounts.RefusedException;
import io.tiempocheck.ingest.model.User;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/sesiones")
@PermitAll
@Blocking
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** One message for an unknown name and a wrong password: the answer must not tell which names exist. */
    static final String BAD_CREDENTIALS = "usuario o contraseña incorrectos";

    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final SessionTokens tokens;

    public SessionResource(Passwords passwords, SignInThrottle throttle, SessionTokens tokens) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    public record SignIn(String usuario, String contrasena) {
    }

    public record Session(long usuario_id, String token, String tipo, long expira_en_segundos) {
    }

    @POST
    @Operation(summary = "Signs in with name and password: a session token (role user) for the dashboard and for creating device tokens")
    @APIResponse(responseCode = "200", description = "The session token")
    @APIResponse(responseCode = "401", description = "Unknown name or wrong password (one message for both)")
    @APIResponse(responseCode = "403", description = "The account is disabled")
    @APIResponse(responseCode = "429", description = "Too many failures for this name lately; Retry-After says when to try again")
    public Response signIn(SignIn request) {
        if (request == null) {
            throw new io.tiempocheck.common.rest.InvalidInputException(null, "el cuerpo debe ser {\"usuario\", \"contrasena\"}");
        }
        String login = AccountFields.login("usuario", request.usuario());
        String password = AccountFields.presentedPassword("contrasena", request.contrasena());
        throttle.checkAllowed(login);
        User user = User.find("login", login).firstResult();
        if (!passwords.matches(password, user == null ? null : user.passwordHash)) {
            throttle.failed(login);
            throw new RefusedException(401, null, BAD_CREDENTIALS);
        }
        throttle.succeeded(login);
        if (!user.active) {
            throw new RefusedException(403, null, "la cuenta está desactivada");
        }
        return Response.ok(new Session(user.id, tokens.issue(user), SessionTokens.SESSION, tokens.validitySeconds())).build();
    }
}
