package io.tiempocheck.alerts.evaluation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/** Parks a feature update that can never be evaluated, with why and where it came from, so it never blocks its partition. */
@ApplicationScoped
public class FeatureUpdateDeadLetters {

    private static final Logger LOG = Logger.getLogger(FeatureUpdateDeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final Counter parked;

    public FeatureUpdateDeadLetters(@Channel("feature-updates-dlq") MutinyEmitter<String> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.parked = registry.counter("tiempocheck.feature_updates.dead_lettered");
    }

    /** Blocks until the dead-letter topic has the record: only then may the original offset be committed. */
    public void send(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build();
        emitter.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
        parked.increment();
    }
}
