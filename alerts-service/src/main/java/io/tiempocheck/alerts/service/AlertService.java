package io.tiempocheck.alerts.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiempocheck.alerts.messaging.AlertNoticePublisher;
import io.tiempocheck.alerts.model.Alert;
import io.tiempocheck.alerts.model.Crossing;
import io.tiempocheck.alerts.repository.AlertRepository;
import io.tiempocheck.alerts.repository.LimitRepository;
import io.tiempocheck.common.event.FeatureUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Raises alerts from feature updates (stored first, then announced) and serves a user's alerts. */
@ApplicationScoped
public class AlertService {

    private final LimitRepository limits;
    private final AlertRepository alerts;
    private final AlertNoticePublisher notices;
    private final Clock clock;
    private final MeterRegistry registry;

    public AlertService(LimitRepository limits, AlertRepository alerts, AlertNoticePublisher notices, Clock clock,
            MeterRegistry registry) {
        this.limits = limits;
        this.alerts = alerts;
        this.notices = notices;
        this.clock = clock;
        this.registry = registry;
    }

    /** @return the alerts this update raised; none when it is a repetition of one already evaluated */
    public List<Alert> evaluate(FeatureUpdate update) throws SQLException {
        List<Crossing> crossings = AlertEvaluator.crossings(limits.active(update.usuarioId()), update);
        List<Alert> raised = new ArrayList<>();
        for (Crossing crossing : crossings) {
            var alert = alerts.insertOnce(update.usuarioId(), crossing, clock.instant());
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
