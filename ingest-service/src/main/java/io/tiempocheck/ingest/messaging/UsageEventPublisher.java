package io.tiempocheck.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.common.event.UsageEventWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes accepted events to Kafka; the returned Uni completes once the broker has acknowledged all
 * of them. A batch is written by one {@link UsageEventWriter}, handed to the producer in one go and
 * tracked by a single countdown, rather than one reactive message per event: per-event emitters,
 * metadata and context propagation were most of ingest's CPU.
 */
@ApplicationScoped
public class UsageEventPublisher {

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public UsageEventPublisher(Producer<byte[], byte[]> producer,
            @ConfigProperty(name = "tiempocheck.topics.usage-events") String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** May block up to the producer's max.block.ms (no metadata, full buffer): call it off the event loop. */
    public Uni<Void> publishAll(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Acknowledgements acks = new Acknowledgements(events.size());
        UsageEventWriter writer = new UsageEventWriter();
        for (UsageEvent event : events) {
            if (acks.failed()) {
                // The batch is lost already; each further send could block max.block.ms again.
                break;
            }
            try {
                producer.send(new ProducerRecord<>(topic, writer.key(event), writer.value(event)), acks);
            } catch (KafkaException e) {
                acks.onCompletion(null, e);
            }
        }
        return Uni.createFrom().completionStage(acks.all);
    }

    /** Completes when the broker has acknowledged every record, or fails with the first error. */
    private static final class Acknowledgements implements Callback {
        private final AtomicInteger pending;
        private final CompletableFuture<Void> all = new CompletableFuture<>();

        Acknowledgements(int records) {
            this.pending = new AtomicInteger(records);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error != null) {
                all.completeExceptionally(new BrokerUnavailableException(error));
            } else if (pending.decrementAndGet() == 0) {
                all.complete(null);
            }
        }

        boolean failed() {
            return all.isCompletedExceptionally();
        }
    }
}
