package io.tiempocheck.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database or broker that hangs (accepts, keeps connections open, answers nothing) must read as not ready,
 * quickly: every service's /q/health/ready answers 503 within 2 s instead of holding the probe. Between the
 * services and the shared servers sits a {@link FreezableProxy}; the servers themselves are never stopped.
 */
class FrozenDependencyReadinessTest {

    private static final Duration PROBE_LIMIT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void withTheDatabaseFrozenEveryServiceAnswersNotReadyWithinTwoSecondsAndReadyOnceItAnswersAgain() throws Exception {
        try (FreezableProxy database = new FreezableProxy(TiempoCheckSystem.MYSQL);
             TiempoCheckSystem system = TiempoCheckSystem.through(TiempoCheckSystem.KAFKA, database.address()).start().startAlerts(1)) {
            List<ServiceProcess> services = List.of(system.ingest, system.features, system.alerts.get(0));
            for (ServiceProcess service : services) {
                assertEquals(200, probe(service).status(), service.baseUrl());
            }
            database.freeze();
            try {
                for (ServiceProcess service : services) {
                    assertNotReadyInTime(service);
                }
            } finally {
                database.thaw();
            }
            for (ServiceProcess service : services) {
                await().atMost(Duration.ofSeconds(60)).until(() -> probe(service).status() == 200);
            }
        }
    }

    @Test
    void withTheBrokerFrozenEveryServiceAnswersNotReadyWithinTwoSeconds() throws Exception {
        try (FreezableProxy broker = new FreezableProxy(TiempoCheckSystem.KAFKA).freeze();
             TiempoCheckSystem system = TiempoCheckSystem.through(broker.address(), TiempoCheckSystem.MYSQL).startAlive()) {
            for (ServiceProcess service : List.of(system.ingest, system.features, system.alerts.get(0))) {
                // The first probe of a process just started loads the checks' code; probes then come every few seconds.
                probe(service);
                assertNotReadyInTime(service);
            }
        }
    }

    private static void assertNotReadyInTime(ServiceProcess service) throws Exception {
        Probe probe = probe(service);
        assertEquals(503, probe.status(), service.baseUrl() + ": " + probe.body());
        assertTrue(probe.took().compareTo(PROBE_LIMIT) < 0, service.baseUrl() + " answered after " + probe.took() + ": " + probe.body());
    }

    private static Probe probe(ServiceProcess service) throws IOException, InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(30)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
        return new Probe(response.statusCode(), Duration.ofNanos(System.nanoTime() - start), response.body());
    }

    private record Probe(int status, Duration took, String body) {
    }
}
