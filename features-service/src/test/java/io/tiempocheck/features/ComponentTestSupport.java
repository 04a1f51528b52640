package io.tiempocheck.features;

import io.quarkus.test.common.QuarkusTestResource;
import io.tiempocheck.common.testing.TestDatabase;

/**
 * The resources every component test of features-service runs with: a database of its own on the
 * real server, the Kafka channels in memory, and no broker (the checks that ask one answer that it
 * cannot be reached, quickly). Shared by all test classes, so Quarkus starts once per run.
 */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(InMemoryChannels.class)
public final class ComponentTestSupport {

    private ComponentTestSupport() {
    }
}
