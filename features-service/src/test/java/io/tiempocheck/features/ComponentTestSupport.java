package io.tiempocheck.features;

import io.quarkus.test.common.QuarkusTestResource;
import io.tiempocheck.common.testing.TestDatabase;

/**
 * The resources every component test of features-service runs with: a feature store of its own on
 * the real server, migrated by the service's Flyway, and the Kafka channels in memory. Shared by all
 * test classes, so Quarkus starts once per run.
 */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(InMemoryChannels.class)
public final class ComponentTestSupport {

    private ComponentTestSupport() {
    }
}
