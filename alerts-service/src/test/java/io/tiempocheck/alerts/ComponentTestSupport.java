package io.tiempocheck.alerts;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tiempocheck.common.testing.TestDatabase;

/**
 * The resources every component test of alerts-service runs with: a database of its own (and a
 * feature store beside it) on the real server, and the Kafka channels in memory. Shared by all test
 * classes, so Quarkus starts once per run.
 */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = TestDatabase.FEATURE_STORE, value = "true"))
@QuarkusTestResource(InMemoryChannels.class)
public final class ComponentTestSupport {

    private ComponentTestSupport() {
    }
}
