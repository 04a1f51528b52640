package io.tiempocheck.alerts.stream;

import io.tiempocheck.alerts.evaluation.Alert;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One open SSE connection of one user. Everything it sends after the handshake goes through its own
 * sequential executor, so alerts leave in id order and {@link #lastSentId} needs no lock.
 */
final class StreamClient {

    final long userId;
    final SseEventSink sink;
    final Executor serial;
    /** The newest alert id this client has: from Last-Event-ID, then from every alert sent. */
    private long lastSentId;

    StreamClient(long userId, SseEventSink sink, Executor serial, long lastSentId) {
        this.userId = userId;
        this.sink = sink;
        this.serial = serial;
        this.lastSentId = lastSentId;
    }

    long lastSentId() {
        return lastSentId;
    }

    /** Call only from {@link #serial}. A replayed older alert leaves the stream's position where it was. */
    CompletionStage<?> send(Alert alert, OutboundSseEvent event) {
        lastSentId = Math.max(lastSentId, alert.id());
        return sink.send(event);
    }

    boolean isOpen() {
        return !sink.isClosed();
    }
}
