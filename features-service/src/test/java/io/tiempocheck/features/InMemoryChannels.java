package io.tiempocheck.features;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka channels of features-service in memory, and the admin clients (consumer lag, dead-letter
 * offsets) pointed at a port where nothing listens, with a short timeout. The scheduled jobs wait an
 * hour, so each test decides what runs.
 */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("usage-events", "ingest-rejections"));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("usage-events-dlq", "feature-updates"));
        config.put("kafka.bootstrap.servers", "127.0.0.1:1");
        config.put("tiempocheck.features.health.kafka-timeout", "PT0.5S");
        config.put("tiempocheck.features.jobs.first-run-delay", "1h");
        return config;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
