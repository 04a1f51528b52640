package io.tiempocheck.alerts.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.alerts.config.AlertsConfig;
import io.tiempocheck.alerts.service.AlertService;
import io.tiempocheck.common.event.FeatureUpdate;
import io.tiempocheck.common.messaging.BoundedRetry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Evaluates the day totals features-service publishes after each committed batch. The replicas share
 * one consumer group, so each update is evaluated by one of them; its offset is committed only once
 * the alerts it raised are stored, and evaluating an update twice raises nothing twice.
 */
@ApplicationScoped
public class FeatureUpdateConsumer {

    private static final Logger LOG = Logger.getLogger(FeatureUpdateConsumer.class);

    private final AlertService alerts;
    private final ObjectMapper json;
    private final BoundedRetry retry;
    private final Counter evaluated;
    private final Counter unreadable;
    private final Counter retries;

    public FeatureUpdateConsumer(AlertService alerts, ObjectMapper json, AlertsConfig config, MeterRegistry registry) {
        this.alerts = alerts;
        this.json = json;
        this.retry = new BoundedRetry(config.evaluation().maxAttempts(), config.evaluation().initialBackoff(),
                config.evaluation().maxBackoff());
        this.evaluated = registry.counter("tiempocheck.feature_updates.evaluated");
        this.unreadable = registry.counter("tiempocheck.feature_updates.unreadable");
        this.retries = registry.counter("tiempocheck.feature_updates.retries");
    }

    @Incoming("feature-updates")
    @Blocking
    public void onUpdate(String payload) {
        FeatureUpdate update;
        try {
            update = json.readValue(payload, FeatureUpdate.class);
        } catch (JsonProcessingException e) {
            unreadable.increment();
            LOG.warnf("Skipping a record that is not a feature update: %s", e.getOriginalMessage());
            return;
        }
        if (update.schemaVer() != FeatureUpdate.SCHEMA_VERSION || update.dia() == null || update.usuarioId() <= 0) {
            unreadable.increment();
            LOG.warnf("Skipping a feature update this version cannot evaluate: %s", payload);
            return;
        }
        evaluateWithRetries(update);
        evaluated.increment();
    }

    private void evaluateWithRetries(FeatureUpdate update) {
        retry.run("evaluating the update of user " + update.usuarioId() + " for " + update.dia(), retries::increment, () -> {
            alerts.evaluate(update);
            return null;
        });
    }
}
