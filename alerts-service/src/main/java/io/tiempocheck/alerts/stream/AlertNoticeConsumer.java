package io.tiempocheck.alerts.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every replica reads every notice (a consumer group of its own, from the end of the topic) and
 * wakes its streams of that user; notices for users without a stream here cost a map lookup.
 */
@ApplicationScoped
public class AlertNoticeConsumer {

    private static final Logger LOG = Logger.getLogger(AlertNoticeConsumer.class);

    private final OpenStreams streams;
    private final ObjectMapper json;

    public AlertNoticeConsumer(OpenStreams streams, ObjectMapper json) {
        this.streams = streams;
        this.json = json;
    }

    @Incoming("alert-notices-in")
    public void onNotice(String payload) {
        try {
            streams.wake(json.readValue(payload, AlertNotice.class).usuarioId());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("Ignoring a record on the alerts topic that is not a notice: %s", e.getMessage());
        }
    }
}
