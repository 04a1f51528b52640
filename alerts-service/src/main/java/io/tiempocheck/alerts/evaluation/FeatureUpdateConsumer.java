package io.tiempocheck.alerts.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.tiempocheck.alerts.config.AlertsConfig;
import io.tiempocheck.common.event.FeatureUpdate;
import io.tiempocheck.common.messaging.BoundedRetry;
import io.tiempocheck.common.messaging.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * Evaluates the day totals features-service publishes after each committed batch: the messaging edge
 * of the evaluation, which reads and checks the Kafka record and hands its {@link DayTotals} to
 * {@link AlertService}. The replicas share
 * one consumer group, so each update is evaluated by one of them; its offset is committed only once
 * the alerts it raised are stored, and evaluating an update twice raises nothing twice.
 * <p>
 * No update can stop the evaluation of the others: one that cannot be read, or whose evaluation
 * fails for a reason of its own, is parked in the dead-letter topic with its error. Only a failure
 * of the database itself propagates (the channel fails, readiness DOWN, the offset stays uncommitted).
 */
@ApplicationScoped
public class FeatureUpdateConsumer {

    /** The feature store's days come from starts after 2000-01-01, in any zone. */
    private static final LocalDate EARLIEST_DAY = LocalDate.of(1999, 12, 31);
    private static final LocalDate LATEST_DAY = LocalDate.of(9999, 12, 31);

    private final AlertService alerts;
    private final ObjectMapper json;
    private final FeatureUpdateDeadLetters deadLetters;
    private final AgroalDataSource dataSource;
    private final BoundedRetry retry;
    private final Counter evaluated;
    private final Counter unreadable;
    private final Counter retries;

    public FeatureUpdateConsumer(AlertService alerts, ObjectMapper json, FeatureUpdateDeadLetters deadLetters,
            AgroalDataSource dataSource, AlertsConfig config, MeterRegistry registry) {
        this.alerts = alerts;
        this.json = json;
        this.deadLetters = deadLetters;
        this.dataSource = dataSource;
        this.retry = new BoundedRetry(config.evaluation().maxAttempts(), config.evaluation().initialBackoff(),
                config.evaluation().maxBackoff());
        this.evaluated = registry.counter("tiempocheck.feature_updates.evaluated");
        this.unreadable = registry.counter("tiempocheck.feature_updates.unreadable");
        this.retries = registry.counter("tiempocheck.feature_updates.retries");
    }

    @Incoming("feature-updates")
    @Blocking
    public void onUpdate(ConsumerRecord<String, String> record) {
        FeatureUpdate update;
        try {
            update = json.readValue(record.value() == null ? "" : record.value(), FeatureUpdate.class);
        } catch (JsonProcessingException e) {
            unreadable.increment();
            deadLetters.send(record, "not a feature update: " + e.getOriginalMessage());
            return;
        }
        String problem = problem(update);
        if (problem != null) {
            unreadable.increment();
            deadLetters.send(record, problem);
            return;
        }
        try {
            // Every failure but one that will certainly recur (bad data, a bug) gets the bounded retries.
            retry.run("evaluating the update of user " + update.usuarioId() + " for " + update.dia(), retries::increment,
                    e -> !Failures.isDeterministic(e), () -> alerts.evaluate(update.usuarioId(), totals(update)));
        } catch (RuntimeException e) {
            if (Failures.isTransient(e) || !databaseAnswers()) {
                throw e;
            }
            deadLetters.send(record, "not evaluable: " + Failures.describe(e));
            return;
        }
        evaluated.increment();
    }

    private static DayTotals totals(FeatureUpdate update) {
        return new DayTotals(update.dia(), update.dominios(), update.categorias());
    }

    /** Why this version cannot evaluate the update, or null. */
    private static String problem(FeatureUpdate update) {
        if (update == null || update.schemaVer() != FeatureUpdate.SCHEMA_VERSION) {
            return "unknown schema_ver";
        }
        if (update.usuarioId() <= 0 || update.dia() == null) {
            return "missing usuario_id or dia";
        }
        if (update.dia().isBefore(EARLIEST_DAY) || update.dia().isAfter(LATEST_DAY)) {
            return "dia out of range: " + update.dia();
        }
        for (Map<String, Long> totals : Arrays.asList(update.dominios(), update.categorias())) {
            if (totals != null && totals.values().stream().anyMatch(seconds -> seconds == null || seconds < 0)) {
                return "a total is missing or negative";
            }
        }
        return null;
    }

    /** Whether the database takes a connection and answers at once: when it does not, a failure is not the update's. */
    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
