package io.tiempocheck.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.tiempocheck.common.ratelimit.TooManyRequestsException;
import io.tiempocheck.common.rest.HttpLayerErrors;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer authentication for every service: the operator's admin token (TIEMPOCHECK_ADMIN_TOKEN)
 * gets the {@code admin} role; anything else is verified as a device or session JWT by smallrye-jwt,
 * then refused when its device was revoked or its account disabled or erased ({@link RevokedTokens}).
 * The admin credential is a shared secret rather than a JWT so an operator can set it without
 * holding the signing key. A request that carries a credential is refused with 429 while its
 * address has failed too often (see {@link AuthFailureLimiter}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AdminTokenAwareAuthMechanism implements HttpAuthenticationMechanism {

    public static final String ADMIN_ROLE = "admin";
    private static final String BEARER = "Bearer ";

    private final JWTAuthMechanism jwt;
    private final RevokedTokens revoked;
    private final AuthFailureLimiter failures;
    private final Optional<byte[]> adminToken;

    public AdminTokenAwareAuthMechanism(JWTAuthMechanism jwt, RevokedTokens revoked, AuthFailureLimiter failures,
            @ConfigProperty(name = "tiempocheck.admin-token") Optional<String> adminToken) {
        this.jwt = jwt;
        this.revoked = revoked;
        this.failures = failures;
        this.adminToken = adminToken.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null) {
            return jwt.authenticate(context, identityProviderManager);
        }
        Optional<Duration> blocked = failures.blockedFor(context);
        if (blocked.isPresent()) {
            return Uni.createFrom().failure(new TooManyRequestsException("demasiadas autenticaciones fallidas desde esta dirección", blocked.get()));
        }
        if (adminToken.isPresent() && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            byte[] presented = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(presented, adminToken.get())) {
                return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(ADMIN_ROLE))
                        .addRole(ADMIN_ROLE)
                        .build());
            }
        }
        return jwt.authenticate(context, identityProviderManager).onItem().ifNotNull().invoke(identity -> {
            if (identity.getPrincipal() instanceof JsonWebToken token && revoked.refuses(token)) {
                throw new AuthenticationFailedException("revoked token");
            }
        }).onFailure(AuthenticationFailedException.class).invoke(() -> failures.recordFailure(context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return jwt.getChallenge(context);
    }

    /** The challenge of a request with no credential, with the JSON error body every refusal has. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        HttpLayerErrors.end(context, 401, null, HttpLayerErrors.reason(401));
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return jwt.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return jwt.getCredentialTransport(context);
    }
}
