package io.tiempocheck.features;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka channels of features-service in memory, so that the resources can be tested without a
 * broker; the streaming path itself is proven on the real broker by the end-to-end suite. The
 * scheduler is off so that no job run holds a job's lock while a test runs it.
 */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("usage-events", "ingest-rejections"));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("usage-events-dlq", "feature-updates"));
        config.put("quarkus.scheduler.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
