package io.tiempocheck.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Figures, not assertions: the Resumen page for range Total (issue 16's speed targets) on the rebuild
 * benchmark's data, 100 users x 365 days at 50,000 registro events per user-year, generated straight into
 * the feature store (RegistroHistory) up to today and aggregated by the service's own rebuild.
 * <ol>
 * <li>Each API call the page makes for Total (js/app.js, js/pages/resumen.js), timed over HTTP with each
 * user's session token in turn: p50 and p99 against 100 ms.</li>
 * <li>The page itself in Debian's chromium (web/e2e/resumen-benchmark.js, playwright-core), reloaded by a
 * signed-in tab: the time from navigation start to the page's mark that every chart is drawn, p95 against
 * 1 s.</li>
 * </ol>
 * Run with ./bench/dashboard.sh; excluded from the tests, which run it at a smoke size (BenchmarkSmokeTest).
 */
@Tag("bench")
class DashboardBenchmark {

    private static final int USERS = Integer.getInteger("bench.dashboard.users", 100);
    private static final int DAYS = Integer.getInteger("bench.dashboard.days", 365);
    /** The rebuild benchmark's density: 5,000,000 events for 100 user-years. */
    private static final int EVENTS_PER_USER_YEAR = 50_000;
    private static final int SAMPLES = Integer.getInteger("bench.dashboard.samples", 300);
    private static final int LOADS = Integer.getInteger("bench.dashboard.page-loads", 20);
    private static final String ZONE = "America/Mexico_City";
    private static final String PASSWORD = "contraseña-de-banco-1";
    /** The page's longest range of daily rows (MAX_DAYS in js/pages/resumen.js). */
    private static final int MAX_DAYS = 366;
    private static final Path CHROMIUM = Path.of(System.getProperty("bench.chromium", "/usr/bin/chromium"));
    private final BenchReport report = new BenchReport("TiempoCheck dashboard benchmark", "dashboard-benchmark.txt");

    Path reportFile() {
        return report.file();
    }

    /** Whether chromium is installed: without it, only BenchmarkSmokeTest skips this benchmark, bench/dashboard.sh stops. */
    static boolean browserPresent() {
        return Files.isExecutable(CHROMIUM);
    }

    @Test
    void measure() throws Exception {
        Path root = Path.of(System.getProperty("tiempocheck.root", "..")).toAbsolutePath().normalize();
        Path script = root.resolve("web/e2e/resumen-benchmark.js");
        if (!browserPresent() || !Files.isDirectory(root.resolve("web/e2e/node_modules/playwright-core"))) {
            throw new IllegalStateException(CHROMIUM + " and web/e2e's playwright-core are needed"
                    + " (deploy/local/lib.sh ensure_dashboard_browser installs them)");
        }
        try (TiempoCheckSystem system = new TiempoCheckSystem().start().startAlerts(1).startSuggestions().startDashboard()) {
            // The page's today, in the users' zone: the history ends today, so Total shows a whole year of it.
            LocalDate today = LocalDate.now(ZoneId.of(ZONE));
            LocalDate firstDay = today.minusDays(DAYS - 1);
            long started = System.nanoTime();
            List<String> logins = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            long firstId = 0;
            for (int i = 0; i < USERS; i++) {
                String login = "tablero" + i;
                long id = given().baseUri(system.ingest.baseUrl()).contentType(ContentType.JSON)
                        .body(Map.of("usuario", login, "contrasena", PASSWORD, "nombre", login, "tz", ZONE))
                        .post("/api/v1/cuentas").then().statusCode(201).extract().jsonPath().getLong("usuario_id");
                if (i == 0) {
                    firstId = id;
                }
                assertEquals(firstId + i, id, "the generator needs consecutive user ids");
                logins.add(login);
                tokens.add(given().baseUri(system.ingest.baseUrl()).contentType(ContentType.JSON)
                        .body(Map.of("usuario", login, "contrasena", PASSWORD))
                        .post("/api/v1/sesiones").then().statusCode(200).extract().jsonPath().getString("token"));
            }
            long events;
            try (Connection db = system.featureStore()) {
                events = RegistroHistory.insert(db, firstId, USERS, (long) USERS * EVENTS_PER_USER_YEAR * DAYS / 365, firstDay, DAYS);
            }
            system.featuresAdmin().queryParams(Map.of("desde", firstDay.toString(), "hasta", today.toString()))
                    .post("/admin/api/features_rebuild").then().statusCode(200);
            report.figure("history", "%,d events in registro (%d users x %d days, up to today), aggregates rebuilt, in %,.1f s; %d cores",
                    events, USERS, DAYS, (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors());
            QuietDatabase.settle();
            timeApiCalls(system, tokens, today);
            timePage(system, script, logins.get(USERS / 2));
        }
    }

    /**
     * The page's calls for Total, in its order: who am I, time by category, the daily rows of the last
     * MAX_DAYS days (Total's answer has no bounds, so the page asks from today back), the top 10 sites and
     * today's hourly profile. A round of every user first, untimed, so the JIT has compiled the paths.
     */
    private void timeApiCalls(TiempoCheckSystem system, List<String> tokens, LocalDate today) throws Exception {
        String ingest = system.ingest.baseUrl();
        String features = system.features.baseUrl();
        String days = "desde=" + today.minusDays(MAX_DAYS - 1) + "&hasta=" + today;
        // name, what the figure line shows, URL
        List<String[]> calls = List.of(
                new String[] {"cuenta", "/api/v1/cuenta", ingest + "/api/v1/cuenta"},
                new String[] {"categorias", "/api/v1/uso/categorias?rango=total", features + "/api/v1/uso/categorias?rango=total"},
                new String[] {"diario", "/api/v1/uso/diario?desde=<today-365>&hasta=<today>", features + "/api/v1/uso/diario?" + days},
                new String[] {"sitios", "/api/v1/uso/sitios?rango=total&top=10", features + "/api/v1/uso/sitios?rango=total&top=10"},
                new String[] {"horario", "/api/v1/uso/horario?dia=<today>", features + "/api/v1/uso/horario?dia=" + today});
        HttpClient client = HttpClient.newHttpClient();
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        calls.forEach(call -> millis.put(call[0], new ArrayList<>()));
        for (int i = 0; i < tokens.size() + SAMPLES; i++) {
            String token = tokens.get(i % tokens.size());
            for (String[] call : calls) {
                // As js/api.js sends them.
                HttpRequest request = HttpRequest.newBuilder(URI.create(call[2]))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build();
                long start = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double elapsed = (System.nanoTime() - start) / 1e6;
                assertEquals(200, response.statusCode(), call[2]);
                if (i >= tokens.size()) {
                    millis.get(call[0]).add(elapsed);
                }
            }
        }
        for (String[] call : calls) {
            List<Double> sorted = millis.get(call[0]);
            Collections.sort(sorted);
            report.figure("api." + call[0], "GET %s, %,d sequential requests, each user's session in turn (%d users):"
                            + " p50 %,.1f ms, p99 %,.1f ms, max %,.1f ms (target p99 < 100 ms)", call[1], sorted.size(), tokens.size(),
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
        }
    }

    /** LOADS reloads of Resumen by a signed-in tab in chromium, each timed by the page's own drawn mark. */
    private void timePage(TiempoCheckSystem system, Path script, String login) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", script.toString())
                .directory(script.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of("DASHBOARD_URL", system.dashboardUrl(), "BENCH_USER", login, "BENCH_PASSWORD", PASSWORD,
                "BENCH_LOADS", Integer.toString(LOADS), "BENCH_ZONE", ZONE, "CHROMIUM_PATH", CHROMIUM.toString()));
        Process node = builder.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(10, TimeUnit.MINUTES) || node.exitValue() != 0) {
            node.destroyForcibly();
            throw new IOException("resumen-benchmark.js failed: " + out);
        }
        String[] lines = out.strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
        List<Double> drawn = new ArrayList<>();
        List<Double> answered = new ArrayList<>();
        for (JsonNode load : result.get("loads")) {
            drawn.add(load.get("drawn").asDouble());
            answered.add(load.get("lastAnswer").asDouble());
        }
        Collections.sort(drawn);
        Collections.sort(answered);
        report.figure("page.drawn", "Resumen, range Total, one user's history, from navigation start to every chart drawn, chromium %s"
                        + " headless, %d reloads of a signed-in tab: p50 %,.0f ms, p95 %,.0f ms, max %,.0f ms (target p95 < 1,000 ms)",
                result.get("chromium").asText(), drawn.size(), percentile(drawn, 0.50), percentile(drawn, 0.95), drawn.get(drawn.size() - 1));
        report.figure("page.last-answer", "the same loads, navigation start to the page's last fetch answered (config, API): p50 %,.0f ms, p95 %,.0f ms",
                percentile(answered, 0.50), percentile(answered, 0.95));
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
