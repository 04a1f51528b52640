package io.tiempocheck.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until every revocation made so far has been read: a replica must not accept a revoked token. */
@Readiness
@ApplicationScoped
public class RevocationsReadiness implements HealthCheck {

    private final RevokedTokens revoked;

    public RevocationsReadiness(RevokedTokens revoked) {
        this.revoked = revoked;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("token-revocations").status(revoked.isCaughtUp()).build();
    }
}
