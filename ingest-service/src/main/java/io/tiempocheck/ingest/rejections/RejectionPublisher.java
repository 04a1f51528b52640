package io.tiempocheck.ingest.rejections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Identifier;
import io.tiempocheck.common.event.IngestRejection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts rejection counts on their topic with a producer of their own: its small buffer and short blocking bound are
 * never shared with the usage events' producer, so a slow or absent broker here cannot fill the buffer the intake's
 * 202s wait on. Only the scheduled flush calls it, never a request.
 */
@ApplicationScoped
public class RejectionPublisher {

    private static final Logger LOG = Logger.getLogger(RejectionPublisher.class);

    private final Producer<String, String> producer;
    private final String topic;
    private final ObjectMapper mapper;

    @Inject
    public RejectionPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "tiempocheck.topics.ingest-rejections") String topic, ObjectMapper mapper) {
        this(new KafkaProducer<>(settings(kafka), new StringSerializer(), new StringSerializer()), topic, mapper);
    }

    RejectionPublisher(Producer<String, String> producer, String topic, ObjectMapper mapper) {
        this.producer = producer;
        this.topic = topic;
        this.mapper = mapper;
    }

    private static Map<String, Object> settings(Map<String, Object> kafka) {
        Map<String, Object> properties = new HashMap<>(kafka);
        // Idempotent: a retried send never adds a record twice, so the consumer's sums stay exact.
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 1024 * 1024);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        return properties;
    }

    /**
     * Hands the record to the producer without waiting for the broker; {@code lost} runs if the broker never
     * acknowledges it. False when the producer could not take it at all (no metadata or no buffer within its
     * blocking bound): the caller keeps the count. A failure is settled once, by whoever sees it first, so a
     * count is either kept or lost, never both.
     */
    boolean send(IngestRejection rejection, Runnable lost) {
        String value;
        try {
            value = mapper.writeValueAsString(rejection);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean settled = new AtomicBoolean();
        Future<RecordMetadata> sent;
        try {
            sent = producer.send(new ProducerRecord<>(topic, Long.toString(rejection.usuarioId()), value), (metadata, error) -> {
                // Before send returned, the record was never taken (no metadata in time): the caller keeps the count.
                if (error != null && returned.get() && settled.compareAndSet(false, true)) {
                    LOG.warnf("A rejection count was not delivered (%s): %s", rejection, error.toString());
                    lost.run();
                }
            });
        } catch (KafkaException e) {
            LOG.warnf("Rejection counts wait for the next flush: %s", e.toString());
            return false;
        }
        returned.set(true);
        if (failed(sent) && settled.compareAndSet(false, true)) {
            LOG.warnf("Rejection counts wait for the next flush: the producer did not take them");
            return false;
        }
        return true;
    }

    private static boolean failed(Future<RecordMetadata> sent) {
        if (!sent.isDone()) {
            return false;
        }
        try {
            sent.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
