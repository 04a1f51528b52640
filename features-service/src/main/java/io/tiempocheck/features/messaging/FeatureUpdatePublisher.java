package io.tiempocheck.features.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tiempocheck.common.event.FeatureUpdate;
import io.tiempocheck.features.repository.DayTotal;
import io.tiempocheck.features.repository.DayTotalsRepository;
import io.tiempocheck.features.repository.UserDay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tells alerts-service (and whoever else listens on tiempocheck.feature-updates.v1) the new day totals
 * of what a committed batch touched: one update per user and local day, keyed by usuario_id.
 * The touched keys come from every event of the batch, duplicates included, and the totals are read
 * back from the store: a batch redelivered after a failed publish publishes its updates again.
 */
@ApplicationScoped
public class FeatureUpdatePublisher {

    private static final Logger LOG = Logger.getLogger(FeatureUpdatePublisher.class);

    private final MutinyEmitter<FeatureUpdate> emitter;
    private final DayTotalsRepository totals;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;
    private final Timer publishing;

    public FeatureUpdatePublisher(
            @Channel("feature-updates") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
            MutinyEmitter<FeatureUpdate> emitter,
            DayTotalsRepository totals, Clock clock, MeterRegistry registry) {
        this.emitter = emitter;
        this.totals = totals;
        this.clock = clock;
        this.published = registry.counter("tiempocheck.feature_updates.published");
        this.failed = registry.counter("tiempocheck.feature_updates.failed");
        // What the consumer spends per batch between its commit and its ack, on top of writing the batch.
        this.publishing = registry.timer("tiempocheck.feature_updates.publish");
    }

    /**
     * Blocks until the broker has acknowledged every update; the producer retries within its delivery
     * timeout, and if that runs out the caller must not acknowledge the batch.
     */
    public void publish(Map<UserDay, Set<String>> touched) {
        publishing.record(() -> publishTouched(touched));
    }

    private void publishTouched(Map<UserDay, Set<String>> touched) {
        if (touched.isEmpty()) {
            return;
        }
        List<FeatureUpdate> updates;
        try {
            updates = updates(touched, totals.read(touched.keySet()), clock.instant());
        } catch (SQLException e) {
            failed.increment();
            throw new IllegalStateException("cannot read the day totals for the feature updates", e);
        }
        try {
            Uni.join().all(updates.stream().map(this::send).toList()).andFailFast().await().indefinitely();
        } catch (RuntimeException e) {
            failed.increment();
            LOG.errorf(e, "Kafka did not acknowledge %d feature updates; the batch will be redelivered", updates.size());
            throw e;
        }
        published.increment(updates.size());
    }

    private Uni<Void> send(FeatureUpdate update) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(Long.toString(update.usuarioId())).build();
        // deferred: the emitter throws at once, rather than failing the Uni, when its buffer is full.
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(update).addMetadata(metadata)));
    }

    private static List<FeatureUpdate> updates(Map<UserDay, Set<String>> touched, List<DayTotal> rows, Instant readAt) {
        Map<UserDay, List<DayTotal>> byDay = new HashMap<>();
        for (DayTotal row : rows) {
            byDay.computeIfAbsent(new UserDay(row.userId(), row.day()), d -> new ArrayList<>()).add(row);
        }
        return touched.entrySet().stream().map(entry -> {
            List<DayTotal> day = byDay.getOrDefault(entry.getKey(), List.of());
            Map<String, Long> domains = new TreeMap<>();
            Set<String> categories = new HashSet<>();
            for (DayTotal row : day) {
                if (entry.getValue().contains(row.domain())) {
                    domains.put(row.domain(), row.seconds());
                    categories.add(row.category());
                }
            }
            Map<String, Long> categoryTotals = new TreeMap<>();
            for (DayTotal row : day) {
                if (categories.contains(row.category())) {
                    categoryTotals.merge(row.category(), row.seconds(), Long::sum);
                }
            }
            return new FeatureUpdate(FeatureUpdate.SCHEMA_VERSION, entry.getKey().userId(), entry.getKey().day(),
                    domains, categoryTotals, readAt);
        }).toList();
    }
}
