package io.tiempocheck.ingest.rejections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.tiempocheck.common.event.IngestRejection;
import io.tiempocheck.ingest.service.Rejection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what ingest refuses, per user and reason: at once in the metric {@code tiempocheck.ingest.rejected{motivo}},
 * and, summed per (user, reason, UTC hour), on the rejections topic for features-service's checks. A request only adds
 * to a map in memory; a scheduled flush publishes the sums without waiting for the broker. It is a monitoring signal,
 * so it is fire-and-forget: a batch's answer never waits for it or fails with it, and what a broker outage or a crash
 * loses is at most the counts of one flush interval (or past {@link RejectionsConfig#maxPending()}), counted in
 * {@code tiempocheck.ingest.rejected.unpublished}.
 */
@ApplicationScoped
public class RejectionTally {

    private static final long HOUR_SECONDS = 3600;

    /** One published record's key: every rejection it sums falls in the same UTC hour. */
    record Key(long userId, String reason, long hour) {
    }

    /** How many rejections a key holds so far, and when the last of them came. */
    record Tally(long count, Instant last) {
        Tally plus(Tally other) {
            return new Tally(count + other.count, last.isAfter(other.last) ? last : other.last);
        }
    }

    private final Map<String, Counter> counters = new HashMap<>();
    private final Counter unpublished;
    private final Map<Key, Tally> pending = new ConcurrentHashMap<>();
    private final int maxPending;
    private final Clock clock;
    private final RejectionPublisher publisher;

    public RejectionTally(RejectionsConfig config, Clock clock, RejectionPublisher publisher, MeterRegistry registry) {
        this.maxPending = config.maxPending();
        this.clock = clock;
        this.publisher = publisher;
        // Every reason registered up front: a rate over a series that appears only at its first rejection misses it.
        for (String reason : IngestRejection.REASONS) {
            counters.put(reason, Counter.builder("tiempocheck.ingest.rejected").tag("motivo", reason)
                    .description("Events (or whole batches, motivo lote_*) ingest refused, by reason").register(registry));
        }
        this.unpublished = Counter.builder("tiempocheck.ingest.rejected.unpublished")
                .description("Rejections counted in the metric that never reached the rejections topic").register(registry);
    }

    /**
     * Counts the rejected events of an answered batch: each event once, under the first field it failed on (the
     * validator lists an event's problems one after the other, in the order of its checks).
     */
    public void countEvents(long userId, List<Rejection> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Long> byReason = new HashMap<>();
        int previous = -1;
        for (Rejection rejection : rejected) {
            if (rejection.index() != previous) {
                previous = rejection.index();
                byReason.merge(rejection.field() == null ? IngestRejection.NOT_AN_OBJECT : rejection.field(), 1L, Long::sum);
            }
        }
        byReason.forEach((reason, count) -> add(userId, reason, count, now));
    }

    /** Counts a whole batch refused ({@link IngestRejection#INVALID_BATCH} and the like) of a known user. */
    public void countRefusedBatch(long userId, String reason) {
        add(userId, reason, 1, clock.instant());
    }

    private void add(long userId, String reason, long count, Instant at) {
        Counter counter = counters.get(reason);
        if (counter == null) {
            throw new IllegalArgumentException("not a rejection reason: " + reason);
        }
        counter.increment(count);
        Key key = new Key(userId, reason, at.getEpochSecond() / HOUR_SECONDS);
        if (pending.size() >= maxPending && !pending.containsKey(key)) {
            unpublished.increment(count);
            return;
        }
        pending.merge(key, new Tally(count, at), Tally::plus);
    }

    /**
     * Publishes the counts gathered so far, each key's removed from the map atomically (a request adding to it
     * meanwhile starts a new sum). Counts the broker did not take are put back for the next flush.
     */
    @Scheduled(every = "${tiempocheck.ingest.rejections.flush-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        for (Key key : new ArrayList<>(pending.keySet())) {
            Tally tally = pending.remove(key);
            if (tally == null) {
                continue;
            }
            IngestRejection record = new IngestRejection(IngestRejection.SCHEMA_VERSION, key.userId(), key.reason(), tally.count(),
                    tally.last());
            if (!publisher.send(record, () -> unpublished.increment(tally.count()))) {
                pending.merge(key, tally, Tally::plus);
                // The producer could not take it (no broker, full buffer): the rest would wait as long, one by one.
                return;
            }
        }
    }
}
