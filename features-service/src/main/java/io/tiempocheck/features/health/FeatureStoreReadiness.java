package io.tiempocheck.features.health;

import io.tiempocheck.features.service.FeaturesHealth;
import io.tiempocheck.features.service.FeaturesHealthService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Feeds /q/health/ready with the part of /features_health that means the service cannot serve:
 * {@code down}. A degraded feature store (a failed job, some lag) still serves and stays ready.
 */
@Readiness
@ApplicationScoped
public class FeatureStoreReadiness implements HealthCheck {

    private final FeaturesHealthService health;

    public FeatureStoreReadiness(FeaturesHealthService health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        FeaturesHealth report = health.report(false);
        return HealthCheckResponse.named("feature-store")
                .status(!FeaturesHealth.DOWN.equals(report.status()))
                .withData("estado", report.status())
                .withData("motivos", String.join("; ", report.reasons()))
                .build();
    }
}
