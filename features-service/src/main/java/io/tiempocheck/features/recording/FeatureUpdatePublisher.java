package io.tiempocheck.features.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tiempocheck.common.event.FeatureUpdate;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * Tells alerts-service (and whoever else listens on tiempocheck.feature-updates.v1) the new day totals
 * of what a committed batch touched: one update per user and local day, keyed by usuario_id.
 * The touched keys come from every event of the batch, duplicates included, and the totals are those
 * the batch's transaction read after its writes: a batch redelivered after a failed publish
 * publishes its updates again.
 */
@ApplicationScoped
public class FeatureUpdatePublisher {

    private static final Logger LOG = Logger.getLogger(FeatureUpdatePublisher.class);

    private final MutinyEmitter<FeatureUpdate> emitter;
    private final Clock clock;
    private final Semaphore unacknowledged;
    private final Counter published;
    private final Counter failed;
    private final Timer publishing;

    public FeatureUpdatePublisher(
            @Channel("feature-updates") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
            MutinyEmitter<FeatureUpdate> emitter,
            Clock clock, FeaturesConfig config, MeterRegistry registry) {
        this.emitter = emitter;
        this.clock = clock;
        this.unacknowledged = new Semaphore(config.consumer().maxUnacknowledgedBatches());
        this.published = registry.counter("tiempocheck.feature_updates.published");
        this.failed = registry.counter("tiempocheck.feature_updates.failed");
        // From the sends to the broker's last acknowledgement: how long a committed batch waits for its ack.
        this.publishing = registry.timer("tiempocheck.feature_updates.publish");
    }

    /**
     * Hands the updates to the producer, in order, and returns at once: the stage completes when the
     * broker has acknowledged every one of them (the producer retries within its delivery timeout), or
     * fails at the first update it could not deliver. Blocks only while the updates of
     * {@code consumer.max-unacknowledged-batches} earlier batches still wait for the broker.
     */
    public CompletionStage<Void> publish(Map<UserDay, Set<String>> touched, List<DailyRow> totals) {
        if (touched.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<FeatureUpdate> updates = updates(touched, totals, clock.instant());
        try {
            unacknowledged.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        Timer.Sample sample = Timer.start();
        // Subscribed one after the other, so the producer gets them in the batch's order.
        CompletableFuture<?>[] sends = updates.stream().map(update -> send(update).subscribeAsCompletionStage())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends).whenComplete((ok, failure) -> {
            unacknowledged.release();
            sample.stop(publishing);
            if (failure == null) {
                published.increment(updates.size());
            } else {
                failed.increment();
                LOG.errorf(failure, "Kafka did not acknowledge %d feature updates; the batch will be redelivered", updates.size());
            }
        });
    }

    private Uni<Void> send(FeatureUpdate update) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(Long.toString(update.usuarioId())).build();
        // deferred: the emitter throws at once, rather than failing the Uni, when its buffer is full.
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(update).addMetadata(metadata)));
    }

    private static List<FeatureUpdate> updates(Map<UserDay, Set<String>> touched, List<DailyRow> rows, Instant readAt) {
        Map<UserDay, List<DailyRow>> byDay = new HashMap<>();
        for (DailyRow row : rows) {
            byDay.computeIfAbsent(new UserDay(row.userId(), row.day()), d -> new ArrayList<>()).add(row);
        }
        return touched.entrySet().stream().map(entry -> {
            List<DailyRow> day = byDay.getOrDefault(entry.getKey(), List.of());
            Map<String, Long> domains = new TreeMap<>();
            Set<String> categories = new HashSet<>();
            for (DailyRow row : day) {
                if (entry.getValue().contains(row.domain())) {
                    domains.put(row.domain(), row.seconds());
                    categories.add(row.category());
                }
            }
            Map<String, Long> categoryTotals = new TreeMap<>();
            for (DailyRow row : day) {
                if (categories.contains(row.category())) {
                    categoryTotals.merge(row.category(), row.seconds(), Long::sum);
                }
            }
            return new FeatureUpdate(FeatureUpdate.SCHEMA_VERSION, entry.getKey().userId(), entry.getKey().day(),
                    domains, categoryTotals, readAt);
        }).toList();
    }
}
