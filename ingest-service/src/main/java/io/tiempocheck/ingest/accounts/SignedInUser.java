package io.tiempocheck.ingest.accounts;

import io.tiempocheck.ingest.sessions.SessionTokens;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account behind the request's token, and whether that token is a session. Changing the account
 * or its devices takes a session (name and password were typed): a device token copied out of a
 * browser must not mint more device tokens or change the password.
 */
@RequestScoped
public class SignedInUser {

    private final JsonWebToken token;

    public SignedInUser(JsonWebToken token) {
        this.token = token;
    }

    public long id() {
        return Long.parseLong(token.getSubject());
    }

    public void requireSession() {
        if (!SessionTokens.SESSION.equals(token.getClaim(SessionTokens.KIND_CLAIM))) {
            throw new RefusedException(403, null, "hace falta una sesión: inicia sesión con POST /api/v1/sesiones");
        }
    }
}
