package io.tiempocheck.alerts;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka channels of alerts-service in memory, so that a test hands the consumer a record and
 * reads what the service sent.
 */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("feature-updates", "alert-notices-in"));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("feature-updates-dlq", "alert-notices-out"));
        return config;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
