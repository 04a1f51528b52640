package io.tiempocheck.features.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/** Parks a record that can never be processed, with why and where it came from, so it never blocks its partition. */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final Counter deadLettered;

    public DeadLetterPublisher(@Channel("usage-events-dlq") MutinyEmitter<byte[]> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.deadLettered = registry.counter("tiempocheck.events.dead_lettered");
    }

    /** Blocks until the dead-letter topic has the record: only then may the original offset be committed. */
    public void send(KafkaRecord<String, byte[]> record, String reason) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.getTopic(), record.getPartition(), offset, reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.getTopic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.getPartition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.getKey()).withHeaders(headers).build();
        // The exact bytes that arrived, even when they are not valid UTF-8.
        byte[] payload = record.getPayload() == null ? new byte[0] : record.getPayload();
        emitter.sendMessageAndAwait(Message.of(payload).addMetadata(metadata));
        deadLettered.increment();
    }
}
