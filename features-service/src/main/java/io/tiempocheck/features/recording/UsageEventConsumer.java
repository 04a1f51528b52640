package io.tiempocheck.features.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.common.messaging.BoundedRetry;
import io.tiempocheck.common.messaging.Failures;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.privacy.FeatureStoreErasure;
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
 * <p>
 * No record can stop the stream: one the parser refuses is parked at once; a batch whose write
 * fails is retried, then split until each failing record is written alone, and that one is parked
 * with its error while the others commit. Only a failure of the database itself stops the channel
 * (readiness DOWN, nothing acknowledged), so no record is ever parked for a fault not its own.
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
    private final Counter splits;
    private final Counter trimmed;
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
        this.splits = registry.counter("tiempocheck.consumer.batch.split_writes");
        this.trimmed = registry.counter("tiempocheck.events.trimmed_seconds");
        this.batchSizes = registry.summary("tiempocheck.consumer.batch.size");
    }

    /** A record of the batch and the event the parser read from it. */
    private record Parsed(KafkaRecord<String, byte[]> record, UsageEvent event) {
    }

    /** What became of the records of users not erased, and how many they were. */
    private record Kept(int count, PoisonIsolation.Outcome<Parsed, RecordedBatch> outcome) {
    }

    @Incoming("usage-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<Parsed> parsed = parseParkingInvalid(batch);
        batchSizes.record(parsed.size());
        RecordedBatch written = recordParkingPoison(parsed);
        acknowledgeOncePublished(batch, written);
        return CompletableFuture.completedFuture(null);
    }

    /** The batch's records the parser reads; each one it refuses is parked in the dead-letter topic. */
    private List<Parsed> parseParkingInvalid(KafkaRecordBatch<String, byte[]> batch) {
        List<Parsed> parsed = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, byte[]> record : batch) {
            try {
                parsed.add(new Parsed(record, parser.parse(record.getPayload())));
            } catch (InvalidEventException e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        return parsed;
    }

    /**
     * Records the events of users not erased, committed; a record whose write fails alone is parked with its
     * error (see {@link PoisonIsolation}) and the others are written without it.
     */
    private RecordedBatch recordParkingPoison(List<Parsed> parsed) {
        Kept kept = erasure.excludingErased(parsed, record -> record.event().usuarioId(), records -> new Kept(records.size(),
                new PoisonIsolation<Parsed, RecordedBatch>(
                        // The whole batch: every failure but one that will certainly recur gets the bounded retries.
                        part -> retry.run("writing a batch of " + part.size() + " events", retries::increment,
                                e -> !Failures.isDeterministic(e), () -> recorder.record(events(part))),
                        // A part of a batch that failed: only a failure that may pass (a deadlock, a lost connection) is retried.
                        part -> {
                            splits.increment();
                            return retry.run("writing " + part.size() + " events of a failed batch", retries::increment,
                                    Failures::isTransient, () -> recorder.record(events(part)));
                        },
                        e -> !Failures.isTransient(e) && recorder.databaseAnswers())
                        .write(records)));
        var outcome = kept.outcome();
        for (var poison : outcome.poison()) {
            deadLetters.send(poison.record().record(), "not recordable: " + Failures.describe(poison.error()));
        }
        RecordedBatch written = RecordedBatch.merge(outcome.written());
        recorded.increment(written.fresh().size());
        trimmed.increment(written.trimmedSeconds());
        duplicates.increment(kept.count() - outcome.poison().size() - written.fresh().size());
        return written;
    }

    /**
     * Publishes the batch's feature updates, after the commit: all of the batch's keys, so a redelivered batch
     * publishes them again. The batch is acknowledged once the broker has the updates, while the next batches go
     * on; the throttled commit strategy commits an offset only when it and every offset before it are
     * acknowledged, and a nack fails the channel (failure-strategy=fail): a batch whose updates were not
     * delivered is never committed and comes back after the restart.
     */
    private void acknowledgeOncePublished(KafkaRecordBatch<String, byte[]> batch, RecordedBatch written) {
        featureUpdates.publish(written.touchedDomains(), written.dayTotals()).whenComplete((ok, failure) -> {
            if (failure == null) {
                batch.ack();
            } else {
                batch.nack(failure);
            }
        });
    }

    private static List<UsageEvent> events(List<Parsed> records) {
        List<UsageEvent> events = new ArrayList<>(records.size());
        for (Parsed record : records) {
            events.add(record.event());
        }
        return events;
    }
}
