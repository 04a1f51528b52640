package io.tiempocheck.common.ratelimit;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * One Bucket4j token bucket per key (a client address, a device token), created on first use.
 * A bucket left alone for a whole refill period is full again, so forgetting it then changes
 * nothing; the size bound keeps a flood of distinct keys from filling the heap.
 */
public final class KeyedBuckets {

    private final Bandwidth limit;
    private final Cache<String, Bucket> buckets;

    public KeyedBuckets(RateLimit limit, long maxKeys) {
        this.limit = Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
        this.buckets = CacheBuilder.newBuilder().maximumSize(maxKeys).expireAfterAccess(limit.period()).build();
    }

    /** Takes one token for the key; empty if it had one, otherwise how long until it will. */
    public Optional<Duration> take(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until the key has a token again, without taking one; empty if it has one now. */
    public Optional<Duration> exhaustedFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(String key) {
        try {
            return buckets.get(key, () -> Bucket.builder().addLimit(limit).build());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
