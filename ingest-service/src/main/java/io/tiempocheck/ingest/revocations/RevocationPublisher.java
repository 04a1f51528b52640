package io.tiempocheck.ingest.revocations;

import io.smallrye.common.annotation.Identifier;
import io.tiempocheck.common.security.Revocation;
import io.tiempocheck.common.security.RevocationFeed;
import io.tiempocheck.common.security.RevokedTokens;
import io.tiempocheck.ingest.messaging.BrokerUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts a revocation on the compacted topic every service follows, and returns only once every
 * in-sync replica has it: callers publish before they commit the change to ingest's own tables, so a
 * revocation the database shows is never one the other services missed. Applied to this replica at
 * once as well, so ingest itself refuses the token from the answer on.
 */
@ApplicationScoped
public class RevocationPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final RevokedTokens revoked;

    public RevocationPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, RevocationFeed feed,
            RevokedTokens revoked) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis() / 2);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ACK_TIMEOUT.toMillis() / 2);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        this.topic = feed.topic();
        this.revoked = revoked;
    }

    public void publish(Revocation revocation) {
        try {
            producer.send(new ProducerRecord<>(topic, revocation.key(), revocation.value()))
                    .get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new BrokerUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        }
        revoked.apply(revocation);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
