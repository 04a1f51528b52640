package io.tiempocheck.common.health;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The broker answers within {@link HealthSettings#timeout()}, as the service's own user (the shared kafka.*
 * settings). Replaces Quarkus' Kafka health check, whose wait is the clients' default.api.timeout.ms: shortening
 * that for the probe would shorten it for every consumer and producer of the service too.
 */
@Readiness
@Startup
@ApplicationScoped
public class KafkaReadiness implements AsyncHealthCheck {

    // The name of the Quarkus check it replaces: dashboards and tests look for it.
    static final String NAME = "Kafka connection health check";

    private final Duration timeout;
    private final Admin admin;

    public KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka, HealthSettings health) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        this.timeout = health.timeout();
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // Created with the service (@Startup), not in the first probe: creating a client takes a while.
        this.admin = Admin.create(settings);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Uni<HealthCheckResponse> nodes = Uni.createFrom()
                .completionStage(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .nodes().toCompletionStage())
                .map(found -> HealthCheckResponse.named(NAME).up()
                        .withData("nodes", found.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","))).build());
        return BoundedCheck.within(NAME, timeout, nodes);
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
