package io.tiempocheck.alerts.health;

import io.smallrye.common.annotation.Identifier;
import io.tiempocheck.alerts.stream.FanoutAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica takes streams only once it hears the other replicas' alert notices. */
@Readiness
@ApplicationScoped
public class FanoutReadiness implements HealthCheck {

    private final FanoutAssignment assignment;

    public FanoutReadiness(@Identifier(FanoutAssignment.NAME) FanoutAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("alert-notices fan-out").status(assignment.isAssigned()).build();
    }
}
