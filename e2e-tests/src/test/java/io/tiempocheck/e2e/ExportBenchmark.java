package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Figures, not assertions: GET /api/v1/cuenta/exportar for one user-year (target < 10 s), on the
 * rebuild benchmark's density (50,000 registro events per user-year by default, their hourly and daily
 * rows built by the service's own rebuild, a few limits and a policy). The whole streamed document is
 * read and counted, as a browser saving the download would. Run with ./bench/export.sh; excluded from
 * the tests, which run it at a smoke size (BenchmarkSmokeTest).
 */
@Tag("bench")
class ExportBenchmark {

    private static final int USERS = Integer.getInteger("bench.export.users", 3);
    private static final int EVENTS_PER_USER = Integer.getInteger("bench.export.events-per-user", 50_000);
    private static final int RUNS = Integer.getInteger("bench.export.runs", 5);
    private static final int DAYS = 365;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private final BenchReport report = new BenchReport("TiempoCheck export benchmark", "export-benchmark.txt");

    Path reportFile() {
        return report.file();
    }

    @Test
    void measure() throws Exception {
        try (TiempoCheckSystem system = new TiempoCheckSystem().start().startAlerts(1).startSuggestions()) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(system.createUser("export" + i, "America/Mexico_City"));
            }
            for (int i = 1; i < USERS; i++) {
                assertEquals(users.get(0).id() + i, users.get(i).id(), "the generator needs consecutive user ids");
            }
            long started = System.nanoTime();
            long events;
            try (Connection db = system.featureStore()) {
                events = RegistroHistory.insert(db, users.get(0).id(), USERS, (long) USERS * EVENTS_PER_USER, FIRST_DAY, DAYS);
            }
            system.featuresAdmin().queryParams(Map.of("desde", FIRST_DAY.toString(), "hasta", FIRST_DAY.plusDays(DAYS - 1).toString()))
                    .post("/admin/api/features_rebuild").then().statusCode(200);
            User timed = users.get(USERS / 2);
            for (String domain : List.of("youtube.com", "netflix.com", "x.com")) {
                system.createLimit(timed, Map.of("dominio", domain, "segundos_diarios", 3600));
            }
            system.suggestions(timed).body(Map.of("multiplicador_limite", 0.8)).put("/api/v1/politica").then().statusCode(200);
            report.figure("history", "%,d events in registro (%d users x %d days), aggregates rebuilt, in %,.1f s; %d cores",
                    events, USERS, DAYS, (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors());

            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.ingest.baseUrl() + "/api/v1/cuenta/exportar"))
                    .header("Authorization", "Bearer " + timed.token()).build();
            long bytes = download(client, request);
            QuietDatabase.settle();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                download(client, request);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            report.figure("export.user-year", "GET /api/v1/cuenta/exportar of one user-year (%,d registro rows, %,.1f MiB of JSON):"
                            + " median %,.0f ms, max %,.0f ms over %d runs (target < 10,000 ms)",
                    EVENTS_PER_USER, bytes / 1048576.0, millis.get(millis.size() / 2), millis.get(millis.size() - 1), RUNS);
        }
    }

    /** Reads the whole answer and returns its size in bytes. */
    private static long download(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (InputStream body = response.body()) {
            for (int read; (read = body.read(buffer)) != -1; ) {
                total += read;
            }
        }
        return total;
    }
}
