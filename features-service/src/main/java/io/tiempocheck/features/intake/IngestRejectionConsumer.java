package io.tiempocheck.features.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tiempocheck.common.event.IngestRejection;
import io.tiempocheck.common.messaging.BoundedRetry;
import io.tiempocheck.common.messaging.Failures;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.privacy.FeatureStoreErasure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Sums what ingest refused into {@code rechazos_ingesta}, for the rechazos_ingesta check. A batch is acknowledged
 * (its offsets committable) only after its transaction has committed, and that transaction records how far each
 * partition was applied, so a redelivery adds nothing twice. A record that cannot be read is skipped (logged and
 * counted): it is a monitoring signal, never worth stopping the stream for; a database failure is retried and then
 * stops the channel, as the usage events' does.
 */
@ApplicationScoped
public class IngestRejectionConsumer {

    private static final Logger LOG = Logger.getLogger(IngestRejectionConsumer.class);

    private final RejectionRecorder recorder;
    private final FeatureStoreErasure erasure;
    private final RejectionReader reader;
    private final BoundedRetry retry;
    private final Counter unreadable;
    private final Counter retries;

    public IngestRejectionConsumer(RejectionRecorder recorder, FeatureStoreErasure erasure, RejectionReader reader, FeaturesConfig config,
            MeterRegistry registry) {
        this.recorder = recorder;
        this.erasure = erasure;
        this.reader = reader;
        this.retry = new BoundedRetry(config.consumer().maxAttempts(), config.consumer().initialBackoff(),
                config.consumer().maxBackoff());
        this.unreadable = registry.counter("tiempocheck.intake.rejections.unreadable");
        this.retries = registry.counter("tiempocheck.intake.rejections.retries");
    }

    @Incoming("ingest-rejections")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<ReceivedRejection> read = new ArrayList<>(batch.getRecords().size());
        List<ReceivedRejection> readable = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> record : batch) {
            long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getOffset();
            ReceivedRejection received = new ReceivedRejection(record.getTopic(), record.getPartition(), offset, parse(record, offset));
            read.add(received);
            if (received.rejection() != null) {
                readable.add(received);
            }
        }
        erasure.excludingErased(readable, received -> received.rejection().usuarioId(), counted ->
                retry.run("adding " + counted.size() + " rejection counts", retries::increment, e -> !Failures.isDeterministic(e),
                        () -> recorder.record(read, counted)));
        return batch.ack();
    }

    /** The record's rejection, or null (logged and counted) when it is not one. */
    private IngestRejection parse(KafkaRecord<String, String> record, long offset) {
        IngestRejection rejection = reader.read(record.getPayload());
        if (rejection == null) {
            unreadable.increment();
            LOG.warnf("Skipping an unreadable rejection record at %s-%d@%d", record.getTopic(), record.getPartition(), offset);
        }
        return rejection;
    }
}
