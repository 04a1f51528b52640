package io.tiempocheck.alerts.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiempocheck.alerts.stream.AlertNoticePublisher;
import io.tiempocheck.alerts.limits.Limit;
import io.tiempocheck.alerts.limits.FeatureStoreReader;
import io.tiempocheck.alerts.limits.LimitRepository;
import io.tiempocheck.common.event.FeatureUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Raises alerts from feature updates (stored first, then announced) and serves a user's alerts. */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final LimitRepository limits;
    private final AlertRepository alerts;
    private final AlertNoticePublisher notices;
    private final FeatureStoreReader featureStore;
    private final Clock clock;
    private final MeterRegistry registry;

    public AlertService(LimitRepository limits, AlertRepository alerts, AlertNoticePublisher notices,
            FeatureStoreReader featureStore, Clock clock, MeterRegistry registry) {
        this.limits = limits;
        this.alerts = alerts;
        this.notices = notices;
        this.featureStore = featureStore;
        this.clock = clock;
        this.registry = registry;
    }

    /** @return the alerts this update raised; none when it is a repetition of one already evaluated */
    public List<Alert> evaluate(FeatureUpdate update) throws SQLException {
        return raise(update.usuarioId(), AlertEvaluator.crossings(limits.active(update.usuarioId()), update));
    }

    /**
     * A limit just set or changed is compared with today's usage at once: whoever sets 10 minutes
     * after 30 minutes on the site is told now, not at their next visit. Best effort: if the feature
     * store cannot be read, the next feature update evaluates the limit anyway.
     */
    public void evaluateToday(Limit limit, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            long used = featureStore.dayTotal(limit.userId(), today, limit.domain(), limit.category());
            Map<String, Long> total = Map.of(limit.domain() != null ? limit.domain() : limit.category(), used);
            var update = new FeatureUpdate(FeatureUpdate.SCHEMA_VERSION, limit.userId(), today,
                    limit.domain() != null ? total : Map.of(), limit.domain() != null ? Map.of() : total, clock.instant());
            raise(limit.userId(), AlertEvaluator.crossings(List.of(limit), update));
        } catch (SQLException e) {
            LOG.warnf("Limit %d not compared with today's usage yet (%s); the next feature update will", limit.id(), e.toString());
        }
    }

    private List<Alert> raise(long userId, List<Crossing> crossings) throws SQLException {
        List<Alert> raised = new ArrayList<>();
        for (Crossing crossing : crossings) {
            var alert = alerts.insertOnce(userId, crossing, clock.instant());
            if (alert.isPresent()) {
                raised.add(alert.get());
                registry.counter("tiempocheck.alerts.raised", "nivel", crossing.level().wire()).increment();
                // Only after the commit: a stream that is woken must find the alert in the table.
                notices.announce(alert.get());
            }
        }
        return raised;
    }

    public List<Alert> ofDay(long userId, LocalDate day) throws SQLException {
        return alerts.ofDay(userId, day);
    }

    public Alert accept(long userId, long id) throws SQLException {
        if (!alerts.accept(userId, id, clock.instant())) {
            throw new NotFoundException("no existe esa alerta");
        }
        return alerts.find(userId, id).orElseThrow();
    }
}
