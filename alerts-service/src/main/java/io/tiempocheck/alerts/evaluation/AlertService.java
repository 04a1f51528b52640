package io.tiempocheck.alerts.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiempocheck.alerts.limits.FeatureStoreReader;
import io.tiempocheck.alerts.limits.Limit;
import io.tiempocheck.alerts.limits.LimitRepository;
import io.tiempocheck.alerts.limits.LimitSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.NotFoundException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Raises alerts from day totals (stored first, then announced with an {@link AlertRaised} event, which
 * the stream's messaging edge turns into a Kafka notice) and serves a user's alerts.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final LimitRepository limits;
    private final AlertRepository alerts;
    private final Event<AlertRaised> raisedEvents;
    private final FeatureStoreReader featureStore;
    private final Clock clock;
    private final MeterRegistry registry;

    public AlertService(LimitRepository limits, AlertRepository alerts, Event<AlertRaised> raisedEvents,
            FeatureStoreReader featureStore, Clock clock, MeterRegistry registry) {
        this.limits = limits;
        this.alerts = alerts;
        this.raisedEvents = raisedEvents;
        this.featureStore = featureStore;
        this.clock = clock;
        this.registry = registry;
    }

    /** @return the alerts these totals raised; none when they repeat totals already evaluated */
    public List<Alert> evaluate(long userId, DayTotals totals) throws SQLException {
        return raise(userId, AlertEvaluator.crossings(limits.active(userId), totals));
    }

    /**
     * A limit just set or changed is compared with today's usage at once: whoever sets 10 minutes
     * after 30 minutes on the site is told now, not at their next visit. Best effort: if the feature
     * store cannot be read, the next feature update evaluates the limit anyway. A synchronous observer:
     * the comparison is done before the request that set the limit is answered, as a direct call was.
     */
    void evaluateToday(@Observes LimitSet set) {
        Limit limit = set.limit();
        ZoneId zone = set.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            long used = featureStore.dayTotal(limit.userId(), today, limit.domain(), limit.category());
            Map<String, Long> total = Map.of(limit.domain() != null ? limit.domain() : limit.category(), used);
            var totals = new DayTotals(today, limit.domain() != null ? total : Map.of(), limit.domain() != null ? Map.of() : total);
            raise(limit.userId(), AlertEvaluator.crossings(List.of(limit), totals));
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
                // Only after the commit: a stream that is woken must find the alert in the table. insertOnce's
                // transaction (@Transactional) has committed when it returns and none encloses this call, so a
                // synchronous observer (@Observes) runs after that commit and, as a direct call would, before
                // the feature update is acknowledged; the publisher does not wait for the broker either way.
                raisedEvents.fire(new AlertRaised(alert.get()));
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
