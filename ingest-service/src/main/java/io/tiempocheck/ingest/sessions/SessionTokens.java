package io.tiempocheck.ingest.sessions;

import io.smallrye.jwt.build.Jwt;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.ingest.model.User;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * A dashboard session: a JWT with the role {@code user} and no device, valid for a few hours. It
 * is not stored anywhere; disabling or erasing the account revokes it with the account's other tokens.
 */
@ApplicationScoped
public class SessionTokens {

    public static final String KIND_CLAIM = "tipo";
    public static final String SESSION = "sesion";

    private final SessionsConfig config;

    public SessionTokens(SessionsConfig config) {
        this.config = config;
    }

    public String issue(User user) {
        return Jwt.subject(Long.toString(user.id))
                .upn(user.login)
                .groups(Set.of(CurrentUser.USER_ROLE))
                .claim(KIND_CLAIM, SESSION)
                .claim(CurrentUser.TIME_ZONE_CLAIM, user.timeZone)
                .expiresIn(config.validity())
                .sign();
    }

    public long validitySeconds() {
        return config.validity().toSeconds();
    }
}
