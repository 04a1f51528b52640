package io.tiempocheck.features.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.time.Instant;
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
    private static final int MAX_REASON_LENGTH = 32;
    /** What a DATETIME column holds, with room to spare: outside it a record could only fail its batch. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    private final RejectionRecorder recorder;
    private final FeatureStoreErasure erasure;
    private final ObjectMapper mapper;
    private final BoundedRetry retry;
    private final Counter unreadable;
    private final Counter retries;

    public IngestRejectionConsumer(RejectionRecorder recorder, FeatureStoreErasure erasure, ObjectMapper mapper, FeaturesConfig config,
            MeterRegistry registry) {
        this.recorder = recorder;
        this.erasure = erasure;
        this.mapper = mapper;
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
        IngestRejection rejection = null;
        try {
            rejection = record.getPayload() == null ? null : mapper.readValue(record.getPayload(), IngestRejection.class);
        } catch (JsonProcessingException e) {
            LOG.debugf("Unreadable rejection record: %s", e.getOriginalMessage());
        }
        if (rejection == null || !valid(rejection)) {
            unreadable.increment();
            LOG.warnf("Skipping an unreadable rejection record at %s-%d@%d", record.getTopic(), record.getPartition(), offset);
            return null;
        }
        return rejection;
    }

    /**
     * What the table can hold and the checks can trust: a user, a short reason, a positive count, a time a DATETIME
     * holds. A reason ingest added later than this service is kept as it came.
     */
    private static boolean valid(IngestRejection rejection) {
        return rejection.usuarioId() > 0 && rejection.cantidad() > 0 && rejection.motivo() != null && !rejection.motivo().isEmpty()
                && rejection.motivo().length() <= MAX_REASON_LENGTH && rejection.momento() != null
                && rejection.momento().isAfter(EARLIEST) && rejection.momento().isBefore(LATEST);
    }
}
