package io.tiempocheck.alerts.stream;

import io.tiempocheck.common.security.TokensRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open stream was authenticated once, when it connected; this closes the streams whose device
 * was revoked or whose account was disabled or erased. Closing ends the response, the client's
 * EventSource reconnects, and the reconnection is refused with 401. Kept beside {@link OpenStreams}
 * rather than inside it: a stream's owner is all it needs, and closing a sink is noticed there. A sink
 * takes only one broadcaster (OpenStreams' close watch), so closed sinks are dropped here by a sweep
 * whenever the map has doubled since the last one: constant work per stream on average.
 */
@ApplicationScoped
public class RevokedStreams {

    private record Owner(long userId, String deviceId) {
    }

    private static final int FIRST_SWEEP_AT = 1_024;

    private final Map<SseEventSink, Owner> open = new ConcurrentHashMap<>();
    private final AtomicInteger sweepAt = new AtomicInteger(FIRST_SWEEP_AT);

    public void watch(long userId, String deviceId, SseEventSink sink) {
        open.put(sink, new Owner(userId, deviceId));
        int threshold = sweepAt.get();
        if (open.size() >= threshold && sweepAt.compareAndSet(threshold, Integer.MAX_VALUE)) {
            open.keySet().removeIf(SseEventSink::isClosed);
            sweepAt.set(Math.max(FIRST_SWEEP_AT, open.size() * 2));
        }
    }

    void close(@Observes TokensRevoked revoked) {
        open.forEach((sink, owner) -> {
            if (sink.isClosed()) {
                open.remove(sink);
            } else if (revoked.covers(owner.userId(), owner.deviceId())) {
                open.remove(sink);
                sink.close();
            }
        });
    }
}
