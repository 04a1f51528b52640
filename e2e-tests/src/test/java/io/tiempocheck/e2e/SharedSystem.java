package io.tiempocheck.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One system (ingest, features, one alerts-service, suggestions) for the test classes that need
 * nothing of their own: no settings, no restarts or kills, no assertion about every user. Each
 * system start boots four services, so the suite starts this one once, on the first class that
 * asks, and JUnit closes it (it is AutoCloseable in the root store) after the last class has run.
 * A class that shares it asserts only about its own users and its own records: other classes'
 * users, dead letters and counters are there too.
 *
 * <pre>
 * &#64;ExtendWith(SharedSystem.class)
 * class SomeTest {
 *     private static TiempoCheckSystem system;
 *
 *     &#64;BeforeAll
 *     static void share(TiempoCheckSystem shared) {
 *         system = shared;
 *     }
 * }
 * </pre>
 */
final class SharedSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSystem.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TiempoCheckSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(TiempoCheckSystem.class,
                // Keep-alive comments every second, for AlertsTest to see one without waiting the default 15 s.
                key -> new TiempoCheckSystem().start().startAlerts(1, "TIEMPOCHECK_ALERTS_STREAM_KEEP_ALIVE", "PT1S").startSuggestions(),
                TiempoCheckSystem.class);
    }
}
