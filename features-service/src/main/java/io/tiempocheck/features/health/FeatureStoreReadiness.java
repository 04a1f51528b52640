package io.tiempocheck.features.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.tiempocheck.common.health.BoundedCheck;
import io.tiempocheck.common.health.HealthSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Feeds /q/health/ready with the part of /features_health that means the service cannot serve:
 * {@code down}. A degraded feature store (a failed job, some lag) still serves and stays ready.
 * The report reads the database, so it is bounded in time: a frozen database reads as DOWN.
 */
@Readiness
@ApplicationScoped
public class FeatureStoreReadiness implements AsyncHealthCheck {

    private static final String NAME = "feature-store";

    private final FeaturesHealthService health;
    private final BoundedCheck bounded;

    public FeatureStoreReadiness(FeaturesHealthService health, HealthSettings settings) {
        this.health = health;
        this.bounded = new BoundedCheck(NAME, settings.timeout());
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return bounded.call(() -> {
            FeaturesHealth report = health.report(false);
            return HealthCheckResponse.named(NAME)
                    .status(!FeaturesHealth.DOWN.equals(report.status()))
                    .withData("estado", report.status())
                    .withData("motivos", String.join("; ", report.reasons()))
                    .build();
        });
    }

    @PreDestroy
    void close() {
        bounded.close();
    }
}
