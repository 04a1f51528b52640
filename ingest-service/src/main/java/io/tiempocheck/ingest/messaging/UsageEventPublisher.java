package io.tiempocheck.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tiempocheck.common.event.UsageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;

/** Publishes accepted events to Kafka; the returned Uni completes once the broker has acknowledged all of them. */
@ApplicationScoped
public class UsageEventPublisher {

    private final MutinyEmitter<UsageEvent> emitter;

    public UsageEventPublisher(
            @Channel("usage-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 50_000)
            MutinyEmitter<UsageEvent> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publishAll(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> acks = events.stream().map(this::publish).toList();
        return Uni.join().all(acks).andFailFast().replaceWithVoid()
                .onFailure().transform(BrokerUnavailableException::new);
    }

    private Uni<Void> publish(UsageEvent event) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(Long.toString(event.usuarioId())).build();
        // deferred: the emitter throws at once, rather than failing the Uni, when its buffer is full.
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(event).addMetadata(metadata)));
    }
}
