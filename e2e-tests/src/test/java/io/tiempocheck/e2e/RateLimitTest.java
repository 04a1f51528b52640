package io.tiempocheck.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floods get 429 with Retry-After under the services' production limits, and what the extension
 * really sends (several devices each flushing a full offline queue at once) never does.
 */
class RateLimitTest {

    private static final String ADMIN_PROBE = "/admin/api/features_estado?usuario_id=1&dia=2026-12-01";

    private static TiempoCheckSystem system;

    @BeforeAll
    static void start() {
        system = new TiempoCheckSystem().withProductionRateLimits().start().startAlerts(1);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void offlineQueueFlushesOfSeveralDevicesAreNeverThrottled() throws Exception {
        List<TiempoCheckSystem.User> devices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            devices.add(system.createUser("Equipo " + i, "America/Mexico_City"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(devices.size());
        try {
            List<Future<List<Integer>>> flushes = new ArrayList<>();
            for (TiempoCheckSystem.User device : devices) {
                // The extension's flush: up to 20 batches of 500 events, back to back.
                flushes.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(8).truncatedTo(ChronoUnit.HOURS);
                    for (int batch = 0; batch < 20; batch++) {
                        statuses.add(postEvents(device, start.plusMinutes(batch * 500L), 500).statusCode());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> flush : flushes) {
                assertEquals(List.of(), flush.get().stream().filter(status -> status != 202).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeviceFloodingIngestIsToldWhenToComeBack() {
        TiempoCheckSystem.User device = system.createUser("Inundación", "America/Mexico_City");
        HttpResponse<byte[]> throttled = null;
        for (int i = 0; i < 200 && throttled == null; i++) {
            HttpResponse<byte[]> response = postEvents(device, OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), 1);
            if (response.statusCode() == 429) {
                throttled = response;
            } else {
                assertEquals(202, response.statusCode(), new String(response.body()));
            }
        }
        assertThrottled(throttled);
    }

    @Test
    void aBurstOfWrongTokensIsThrottledByEveryService() throws InterruptedException {
        List<String> bases = List.of(system.ingest.baseUrl(), system.features.baseUrl(), system.alerts.get(0).baseUrl());
        long longestWait = 0;
        for (String base : bases) {
            int refused = 0;
            HttpResponse<byte[]> throttled = null;
            for (int i = 0; i < 100; i++) {
                HttpResponse<byte[]> response = RawHttp.send("GET", base + ADMIN_PROBE, null, "Authorization", "Bearer admin-guess-" + i);
                if (response.statusCode() == 429) {
                    throttled = throttled == null ? response : throttled;
                } else {
                    assertEquals(401, response.statusCode(), base);
                    refused++;
                }
            }
            assertThrottled(throttled);
            assertTrue(refused < 40, base + " let " + refused + " wrong tokens be checked");
            // The right token from a throttled address waits too: the address, not the token, is limited.
            HttpResponse<byte[]> rightToken = RawHttp.send("GET", base + "/features_health", null, "Authorization", "Bearer " + TiempoCheckSystem.ADMIN_TOKEN);
            assertEquals(429, rightToken.statusCode());
            longestWait = Math.max(longestWait, Long.parseLong(rightToken.headers().firstValue("Retry-After").orElseThrow()));
        }
        // Retry-After is honest: once it has passed, the right token gets in again everywhere. This
        // also leaves the address free for the other tests, which share these services.
        Thread.sleep(longestWait * 1000);
        for (String base : bases) {
            int status = RawHttp.send("GET", base + ADMIN_PROBE, null, "Authorization", "Bearer " + TiempoCheckSystem.ADMIN_TOKEN).statusCode();
            assertTrue(status != 429 && status != 401, base + " still answers " + status + " after Retry-After");
        }
    }

    private static void assertThrottled(HttpResponse<byte[]> throttled) {
        assertTrue(throttled != null, "no 429");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertNull(ErrorBodies.problem(throttled));
    }

    private static HttpResponse<byte[]> postEvents(TiempoCheckSystem.User device, OffsetDateTime start, int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Events.event(UUID.randomUUID().toString(), "github.com", start.plusSeconds(i * 60L).toString(), 30));
        }
        String body = "{\"eventos\": " + toJson(events) + "}";
        return RawHttp.send("POST", system.ingest.baseUrl() + "/api/v1/eventos", body.getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + device.token(), "Content-Type", "application/json");
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
