package io.tiempocheck.alerts.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tiempocheck.alerts.evaluation.Alert;
import io.tiempocheck.alerts.evaluation.AlertRaised;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Tells every replica that a stored alert exists, so whichever holds the user's streams pushes it. */
@ApplicationScoped
public class AlertNoticePublisher {

    private static final Logger LOG = Logger.getLogger(AlertNoticePublisher.class);

    private final MutinyEmitter<AlertNotice> emitter;
    private final Counter failed;

    public AlertNoticePublisher(
            @Channel("alert-notices-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
            MutinyEmitter<AlertNotice> emitter,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.failed = registry.counter("tiempocheck.alerts.notices.failed");
    }

    /**
     * Does not wait for the broker: the alert is already stored, and a notice that never arrives only
     * delays it until the streams' periodic sweep (tiempocheck.alerts.stream.sweep-interval). Observed
     * synchronously, on the thread that stored the alert, right after its commit (see AlertService).
     */
    void announce(@Observes AlertRaised raised) {
        Alert alert = raised.alert();
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(Long.toString(alert.userId())).build();
        try {
            emitter.sendMessage(Message.of(new AlertNotice(alert.id(), alert.userId())).addMetadata(metadata))
                    .subscribe().with(ok -> { }, error -> noticeLost(alert, error));
        } catch (RuntimeException e) {
            noticeLost(alert, e);
        }
    }

    private void noticeLost(Alert alert, Throwable error) {
        failed.increment();
        LOG.warnf("Notice of alert %d not sent (%s); streams get it from the next sweep", alert.id(), error.toString());
    }
}
