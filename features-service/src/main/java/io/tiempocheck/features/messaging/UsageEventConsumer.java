package io.tiempocheck.features.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.common.messaging.BoundedRetry;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.privacy.FeatureStoreErasure;
import io.tiempocheck.features.service.EventRecorder;
import io.tiempocheck.features.service.RecordedBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Streams usage events into the feature store. A batch is acknowledged (and so its offsets become
 * committable) only after its transaction has committed, its poison records sit in the dead-letter
 * topic and the broker has its feature updates: a crash at any point means redelivery, and
 * redelivery is harmless.
 */
@ApplicationScoped
public class UsageEventConsumer {

    private final EventRecorder recorder;
    private final UsageEventParser parser;
    private final DeadLetterPublisher deadLetters;
    private final FeatureUpdatePublisher featureUpdates;
    private final FeatureStoreErasure erasure;
    private final BoundedRetry retry;
    private final Counter recorded;
    private final Counter duplicates;
    private final Counter retries;
    private final DistributionSummary batchSizes;

    public UsageEventConsumer(EventRecorder recorder, UsageEventParser parser, DeadLetterPublisher deadLetters,
            FeatureUpdatePublisher featureUpdates, FeatureStoreErasure erasure, FeaturesConfig config, MeterRegistry registry) {
        this.erasure = erasure;
        this.recorder = recorder;
        this.parser = parser;
        this.deadLetters = deadLetters;
        this.featureUpdates = featureUpdates;
        this.retry = new BoundedRetry(config.consumer().maxAttempts(), config.consumer().initialBackoff(),
                config.consumer().maxBackoff());
        this.recorded = registry.counter("tiempocheck.events.recorded");
        this.duplicates = registry.counter("tiempocheck.events.duplicates");
        this.retries = registry.counter("tiempocheck.consumer.batch.retries");
        this.batchSizes = registry.summary("tiempocheck.consumer.batch.size");
    }

    @Incoming("usage-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<UsageEvent> events = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, byte[]> record : batch) {
            try {
                events.add(parser.parse(record.getPayload()));
            } catch (InvalidEventException e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        batchSizes.record(events.size());
        RecordedBatch written = erasure.excludingErased(events, kept -> retry.run(
                "writing a batch of " + kept.size() + " events", retries::increment, () -> recorder.record(kept)));
        recorded.increment(written.fresh().size());
        duplicates.increment(events.size() - written.fresh().size());
        // After the commit: all of the batch's keys, so a redelivered batch publishes them again. The
        // batch is acknowledged once the broker has the updates, while the next batches go on; the
        // throttled commit strategy commits an offset only when it and every offset before it are
        // acknowledged, and a nack fails the channel (failure-strategy=fail): a batch whose updates were
        // not delivered is never committed and comes back after the restart.
        featureUpdates.publish(written.touchedDomains(), written.dayTotals()).whenComplete((ok, failure) -> {
            if (failure == null) {
                batch.ack();
            } else {
                batch.nack(failure);
            }
        });
        return CompletableFuture.completedFuture(null);
    }
}
