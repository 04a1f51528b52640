package io.tiempocheck.alerts.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiempocheck.alerts.config.AlertsConfig;
import io.tiempocheck.alerts.evaluation.Alert;
import io.tiempocheck.alerts.evaluation.AlertRepository;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open alert streams of this replica, by user. A stream never trusts a notice's payload: when it
 * is woken (a notice from Kafka, the periodic sweep) it reads the user's alerts after the last one it
 * sent, from the table where every alert is stored before it is announced. So a stream sends each
 * alert once and in order, whichever replica raised it and however often it is woken.
 */
@ApplicationScoped
public class OpenStreams {

    private static final Logger LOG = Logger.getLogger(OpenStreams.class);
    static final String EVENT_NAME = "alerta";
    private static final int PAGE = 200;

    private final AlertRepository alerts;
    private final ObjectMapper json;
    private final Clock clock;
    private final Vertx vertx;
    private final AlertsConfig.Stream config;
    private final Map<Long, Set<StreamClient>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Counter delivered;
    private final ExecutorService senders;
    private Sse sse;
    private OutboundSseEvent keepAlive;

    public OpenStreams(AlertRepository alerts, ObjectMapper json, Clock clock, Vertx vertx, AlertsConfig config,
            MeterRegistry registry) {
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
        this.vertx = vertx;
        this.config = config.stream();
        this.senders = Executors.newFixedThreadPool(this.config.senderThreads(),
                new ThreadFactoryBuilder().setNameFormat("alert-stream-%d").setDaemon(true).build());
        this.delivered = registry.counter("tiempocheck.alerts.delivered");
        registry.gauge("tiempocheck.alerts.streams.open", open);
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(config.keepAlive().toMillis(), id -> senders.execute(this::keepAlive));
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> senders.execute(this::sweep));
    }

    void stop(@Observes ShutdownEvent event) {
        senders.shutdownNow();
    }

    /**
     * Registers the stream, then sends what the client missed: the user's alerts after
     * {@code lastEventId}, or, for a client without one (a browser's first connection), the alerts of
     * {@code today} it has not accepted, then everything newer. An alert stored but not yet pushed when a
     * replica crashed reaches the browser that way. Registering first means an alert raised meanwhile
     * wakes the stream rather than slipping by.
     */
    public void open(long userId, Long lastEventId, LocalDate today, SseEventSink sink, Sse sse) throws SQLException {
        initEvents(sse);
        long newest = alerts.lastId(userId);
        // An id from the future (another deployment, a restored database) would hide every alert up to it.
        long from = lastEventId != null ? Math.min(lastEventId, newest) : newest;
        List<Alert> pending = lastEventId != null ? List.of()
                : alerts.ofDay(userId, today).stream().filter(alert -> !alert.accepted() && alert.id() <= newest).toList();
        StreamClient stream = new StreamClient(userId, sink, MoreExecutors.newSequentialExecutor(senders), from);
        SseBroadcaster closeWatch = sse.newBroadcaster();
        closeWatch.register(sink);
        closeWatch.onClose(closed -> remove(stream));
        closeWatch.onError((closed, error) -> remove(stream));
        byUser.compute(userId, (id, streams) -> {
            Set<StreamClient> set = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            set.add(stream);
            return set;
        });
        open.incrementAndGet();
        sink.send(sse.newEventBuilder().comment("conectado").reconnectDelay(config.clientRetry().toMillis()).build())
                .whenComplete((ok, error) -> failed(stream, error));
        if (!pending.isEmpty()) {
            stream.serial.execute(() -> pending.forEach(alert -> {
                stream.send(alert, event(alert)).whenComplete((ok, error) -> failed(stream, error));
                delivered.increment();
            }));
        }
        catchUp(stream);
    }

    /** The user has new alerts: every stream of theirs on this replica sends what it has not sent yet. */
    public void wake(long userId) {
        Set<StreamClient> streams = byUser.get(userId);
        if (streams != null) {
            streams.forEach(this::catchUp);
        }
    }

    private void catchUp(StreamClient stream) {
        stream.serial.execute(() -> {
            try {
                List<Alert> page;
                do {
                    if (!stream.isOpen()) {
                        return;
                    }
                    page = alerts.after(stream.userId, stream.lastSentId(), PAGE);
                    for (Alert alert : page) {
                        stream.send(alert, event(alert)).whenComplete((ok, error) -> failed(stream, error));
                        delivered.increment();
                    }
                } while (page.size() == PAGE);
            } catch (SQLException | RuntimeException e) {
                // The next notice or sweep tries again from the same lastSentId; nothing is skipped.
                LOG.warnf("Could not read the alerts of user %d for a stream: %s", stream.userId, e.toString());
            }
        });
    }

    private OutboundSseEvent event(Alert alert) {
        try {
            return sse.newEventBuilder().name(EVENT_NAME).id(Long.toString(alert.id()))
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json.writeValueAsString(alert)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void keepAlive() {
        if (keepAlive == null) {
            return;
        }
        for (Set<StreamClient> streams : byUser.values()) {
            for (StreamClient stream : streams) {
                stream.serial.execute(() -> {
                    if (stream.isOpen()) {
                        stream.sink.send(keepAlive).whenComplete((ok, error) -> failed(stream, error));
                    } else {
                        remove(stream);
                    }
                });
            }
        }
    }

    /** The safety net under the Kafka notices: users with alerts raised lately get their streams woken. */
    private void sweep() {
        if (byUser.isEmpty()) {
            return;
        }
        try {
            for (long userId : alerts.usersWithAlertsSince(clock.instant().minus(config.sweepInterval().multipliedBy(2)))) {
                wake(userId);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Alert sweep failed: %s", e.toString());
        }
    }

    private void failed(StreamClient stream, Throwable error) {
        if (error != null) {
            LOG.debugf("Stream of user %d closed: %s", stream.userId, error.toString());
            stream.sink.close();
            remove(stream);
        }
    }

    private void remove(StreamClient stream) {
        // compute*: adding and removing a user's last stream must not race into a set that left the map.
        byUser.computeIfPresent(stream.userId, (id, streams) -> {
            if (streams.remove(stream)) {
                open.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    private synchronized void initEvents(Sse sse) {
        if (this.sse == null) {
            this.sse = sse;
            this.keepAlive = sse.newEventBuilder().comment("keep-alive").build();
        }
    }
}
