package io.tiempocheck.e2e;

import io.restassured.http.ContentType;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;

/**
 * Figures next to their targets, on the rebuild benchmark's size (100 users x 365 days of
 * features_diarias, generated straight into the benchmark's feature store): the latency of
 * /api/sugerencias_detalle for one user (p99 < 50 ms), an evaluation of 3 policies over a user-year
 * (< 1 s), and the refit and backtest of every user and category, with its cost per user-year, next
 * to the same backtest of the seasonal-naive baseline alone. Run with ./bench/suggestions.sh.
 */
@Tag("bench")
class SuggestionsBenchmark {

    private static final int USERS = Integer.getInteger("bench.suggestions.users", 100);
    private static final int DAYS = Integer.getInteger("bench.suggestions.days", 365);
    private static final int DETAIL_REQUESTS = Integer.getInteger("bench.suggestions.requests", 1000);
    private static final int EVALUATIONS = 5;
    /** A domain per category, with its weekday and weekend means in seconds. */
    private static final Object[][] DOMAINS = {
            {"youtube.com", "Entretenimiento", 3000, 7000}, {"netflix.com", "Entretenimiento", 1500, 5000},
            {"facebook.com", "Redes Sociales", 2400, 3600}, {"x.com", "Redes Sociales", 900, 1200},
            {"amazon.com", "Comercio", 600, 1500}, {"notion.so", "Productividad", 7200, 600},
            {"slack.com", "Trabajo", 10_800, 300}, {"coursera.org", "Estudio", 1800, 3600},
            {"github.com", "Herramientas", 5400, 1200}, {"bbc.com", "Información", 900, 900}};
    private final BenchReport report = new BenchReport("TiempoCheck suggestions benchmark", "suggestions-benchmark.txt");

    Path reportFile() {
        return report.file();
    }

    @Test
    void measure() throws Exception {
        try (TiempoCheckSystem system = new TiempoCheckSystem().start()) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(system.createUser("bench" + i, "UTC"));
            }
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            long rows = generate(system, users, yesterday.minusDays(DAYS - 1));
            system.startSuggestions("TIEMPOCHECK_SUGGESTIONS_FORECAST_HISTORY_DAYS", Integer.toString(DAYS),
                    "TIEMPOCHECK_SUGGESTIONS_REFIT_CRON", "off");
            report.figure("history", "%,d features_diarias rows, %d users x %d days, %d cores", rows, USERS, DAYS,
                    Runtime.getRuntime().availableProcessors());
            QuietDatabase.settle();

            User one = users.get(USERS / 2);
            for (int i = 0; i < 200; i++) {
                system.suggestions(one).get("/api/sugerencias_detalle").then().statusCode(200);
            }
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < DETAIL_REQUESTS; i++) {
                long start = System.nanoTime();
                system.suggestions(users.get(i % USERS)).get("/api/sugerencias_detalle").then().statusCode(200);
                latencies.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(latencies);
            report.figure("detail", "GET /api/sugerencias_detalle (%d requests, one user each, sequential): p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 50 ms)",
                    DETAIL_REQUESTS, percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));

            Map<String, Object> evaluation = Map.of("desde", yesterday.minusDays(DAYS - 1).toString(), "hasta", yesterday.toString(),
                    "politicas", List.of(Map.of("nombre", "defecto"), Map.of("nombre", "semana", "ventana_dias", 7),
                            Map.of("nombre", "mediana", "base", "mediana", "multiplicador_limite", 0.8)));
            system.suggestions(one).body(evaluation).post("/api/v1/politicas/evaluar").then().statusCode(201);
            List<Double> evaluations = new ArrayList<>();
            for (int i = 0; i < EVALUATIONS; i++) {
                long start = System.nanoTime();
                system.suggestions(users.get(i % USERS)).body(evaluation).post("/api/v1/politicas/evaluar").then().statusCode(201);
                evaluations.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(evaluations);
            report.figure("evaluation", "POST /api/v1/politicas/evaluar, 3 policies over %d days of one user (%d runs): median %.0f ms, max %.0f ms (target < 1000 ms)",
                    DAYS, EVALUATIONS, percentile(evaluations, 50), evaluations.get(evaluations.size() - 1));

            QuietDatabase.settle();
            double all = refit(system, null);
            String figures = given().baseUri(system.suggestions.baseUrl()).auth().oauth2(TiempoCheckSystem.ADMIN_TOKEN)
                    .get("/admin/api/modelos/evaluacion").then().statusCode(200).extract().body().asString();
            QuietDatabase.settle();
            double naive = refit(system, "ingenuo_estacional");
            double userYears = USERS * DAYS / 365.0;
            report.figure("refit.all", "Refit and backtest of every user and category, all methods: %.1f s, %.1f ms per user-year", all / 1000, all / userYears);
            report.figure("refit.naive", "Same backtest, seasonal-naive baseline alone: %.1f s, %.1f ms per user-year (all methods cost %.1fx)",
                    naive / 1000, naive / userYears, all / naive);
            report.figure("backtest", "Backtest figures, all methods: %s", figures);
        }
    }

    private double refit(TiempoCheckSystem system, String methods) {
        var request = given().baseUri(system.suggestions.baseUrl()).auth().oauth2(TiempoCheckSystem.ADMIN_TOKEN).contentType(ContentType.JSON);
        if (methods != null) {
            request.queryParam("metodos", methods);
        }
        long start = System.nanoTime();
        request.post("/admin/api/modelos/reentrenar").then().statusCode(200);
        return (System.nanoTime() - start) / 1e6;
    }

    /** A weekly habit per domain with noise and about one day in twelve without any use. */
    private long generate(TiempoCheckSystem system, List<User> users, LocalDate first) throws Exception {
        Random random = new Random(14);
        long rows = 0;
        try (Connection connection = system.featureStore()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO features_diarias (usuario_id, dia, dominio, categoria, segundos) VALUES (?, ?, ?, ?, ?)")) {
                for (User user : users) {
                    for (int d = 0; d < DAYS; d++) {
                        LocalDate day = first.plusDays(d);
                        if (random.nextInt(12) == 0) {
                            continue;
                        }
                        boolean weekend = day.getDayOfWeek().getValue() >= 6;
                        for (Object[] domain : DOMAINS) {
                            int mean = (int) domain[weekend ? 3 : 2];
                            long seconds = Math.max(0, Math.round(mean * (0.5 + random.nextDouble())));
                            if (seconds == 0) {
                                continue;
                            }
                            insert.setLong(1, user.id());
                            insert.setObject(2, day);
                            insert.setString(3, (String) domain[0]);
                            insert.setString(4, (String) domain[1]);
                            insert.setLong(5, seconds);
                            insert.addBatch();
                            rows++;
                        }
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        return rows;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
