package io.tiempocheck.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import io.tiempocheck.ingest.config.ProducerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The one Kafka producer of ingest: the shared kafka.* connection settings plus tiempocheck.producer.*. */
@ApplicationScoped
public class UsageEventProducerFactory {

    private static final Logger LOG = Logger.getLogger(UsageEventProducerFactory.class);

    @Produces
    @Singleton
    Producer<byte[], byte[]> usageEventProducer(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            ProducerSettings settings, MeterRegistry registry) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.putAll(settings.properties());
        LOG.infof("Kafka producer for usage events: %s", settings.properties());
        // Keys and values arrive written (UsageEventWriter), a batch at a time.
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        new KafkaClientMetrics(producer).bindTo(registry);
        return producer;
    }

    void close(@Disposes Producer<byte[], byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }
}
