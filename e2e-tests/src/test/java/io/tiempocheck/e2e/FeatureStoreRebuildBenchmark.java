package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Figures, not assertions: rebuilding aggregates from a year of history for 100 users (5 million
 * events by default), for one user-day, one user-year and everything, each next to the single plain
 * INSERT ... SELECT ... GROUP BY that MariaDB needs to produce the same hourly rows from the same
 * registro rows (the limit); the QA check over the whole history; and the latency of
 * /features_health and /features_qa for one day. Run with ./bench/rebuild.sh; excluded from the tests,
 * which run it at a smoke size (BenchmarkSmokeTest).
 */
@Tag("bench")
class FeatureStoreRebuildBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.rebuild.events", 5_000_000);
    private static final int USERS = Integer.getInteger("bench.rebuild.users", 100);
    /** The users whose year and day are timed one by one: 40-44 and 42 of the hundred. */
    private static final int FIRST_TIMED_USER = USERS * 2 / 5;
    private static final String DAY_USER = Integer.toString(FIRST_TIMED_USER + 2);
    private static final int DAYS = 365;
    /** The year up to yesterday: the qa_datos checks look at the last days and weeks, so they find a full year behind them. */
    private static final LocalDate FIRST_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
    private static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1);
    private static final int SAMPLES = 21;
    /** features-service's default rebuild-days-per-statement. */
    private static final int WINDOW_DAYS = 31;
    private final BenchReport report = new BenchReport("TiempoCheck feature store rebuild benchmark", "rebuild-benchmark.txt");
    private double lastServiceMillis;

    /** Where this run's figures are written, line by line as they are measured. */
    Path reportFile() {
        return report.file();
    }

    @Test
    void measure() throws Exception {
        try (TiempoCheckSystem system = new TiempoCheckSystem(Map.of(
                "TIEMPOCHECK_FEATURES_JOBS_FIRST_RUN_DELAY", "24h",
                "TIEMPOCHECK_FEATURES_JOBS_HOURLY_EVERY", "24h",
                "TIEMPOCHECK_FEATURES_JOBS_DAILY_EVERY", "24h",
                "TIEMPOCHECK_FEATURES_JOBS_CATCHUP_EVERY", "24h"))) {
            system.features.start();
            generateHistory(system);

            // Every timed phase starts on a settled database (QuietDatabase): no phase pays for the purge and
            // page flushing of the one before it.
            QuietDatabase.settle();
            double plainAll = plainSql(system, "1=1");
            QuietDatabase.settle();
            double rebuildAll = rebuild(system, Map.of("desde", FIRST_DAY.toString(), "hasta", LAST_DAY.toString()));
            compare("rebuild.all-empty", "everything, empty store (over HTTP)", rebuildAll, plainAll);
            // Again over the store it has just filled: the usual case, where most rows are unchanged.
            QuietDatabase.settle();
            double rebuildAgain = rebuild(system, Map.of("desde", FIRST_DAY.toString(), "hasta", LAST_DAY.toString()));
            compare("rebuild.all-filled", "everything, filled store (over HTTP)", rebuildAgain, plainAll);

            // Per user: the limit (into an empty copy); the rebuild over the user's correct rows (the usual case);
            // the same plain statement writing into features_horarias itself, into the hole left by deleting the
            // user's rows; and the rebuild into that same hole, which writes every row anew as the plain one did.
            List<Double> yearPlain = new ArrayList<>();
            List<Double> yearRebuilds = new ArrayList<>();
            List<Double> yearRebuildsInService = new ArrayList<>();
            List<Double> yearPlainInPlace = new ArrayList<>();
            List<Double> yearRebuildsInHole = new ArrayList<>();
            List<Double> yearPlainInWindows = new ArrayList<>();
            Map<String, String> year = Map.of("desde", FIRST_DAY.toString(), "hasta", LAST_DAY.toString());
            for (int i = 0; i < 5; i++) {
                String user = Integer.toString(FIRST_TIMED_USER + i);
                Map<String, String> userYear = new HashMap<>(year);
                userYear.put("usuario_id", user);
                QuietDatabase.settle();
                yearPlain.add(plainSql(system, "usuario_id = " + user));
                QuietDatabase.settle();
                yearPlainInWindows.add(plainSqlInWindows(system, user));
                QuietDatabase.settle();
                yearRebuilds.add(rebuild(system, userYear));
                yearRebuildsInService.add(lastServiceMillis);
                yearPlainInPlace.add(plainSqlInPlace(system, user));
                deleteHourlyRows(system, user);
                QuietDatabase.settle();
                rebuild(system, userYear);
                yearRebuildsInHole.add(lastServiceMillis);
            }
            compare("rebuild.user-year", "one user-year (median of 5 users, over HTTP)", median(yearRebuilds), median(yearPlain));
            compare("rebuild.user-year-in-service", "one user-year (median, inside the service)", median(yearRebuildsInService),
                    median(yearPlain));
            report.figure("rebuild.user-year-in-hole", "into the hole left by deleting the user's hourly rows: rebuild %,.1f ms"
                    + " inside the service, the plain statement writing into features_horarias itself %,.1f ms -> ratio %.2fx",
                    median(yearRebuildsInHole), median(yearPlainInPlace), median(yearRebuildsInHole) / median(yearPlainInPlace));
            report.figure("rebuild.user-year-windows", "the plain statement cut into the rebuild's %d-day windows (12 statements,"
                    + " into the empty copy): %,.1f ms -> the rebuild inside the service is %.2fx of that", WINDOW_DAYS,
                    median(yearPlainInWindows), median(yearRebuildsInService) / median(yearPlainInWindows));

            LocalDate day = FIRST_DAY.plusDays(200);
            List<Double> dayRebuilds = new ArrayList<>();
            List<Double> dayRebuildsInService = new ArrayList<>();
            List<Double> dayPlain = new ArrayList<>();
            QuietDatabase.settle();
            for (int i = 0; i < SAMPLES; i++) {
                dayPlain.add(plainSql(system, "usuario_id = " + DAY_USER + " AND dia = '" + day + "'"));
                dayRebuilds.add(rebuild(system, Map.of("dia", day.toString(), "usuario_id", DAY_USER)));
                dayRebuildsInService.add(lastServiceMillis);
            }
            report.figure("rebuild.user-day", "median of %d: %,.1f ms over HTTP, %,.1f ms inside the service"
                    + " (target < 50 ms); plain INSERT...SELECT %,.1f ms", SAMPLES, median(dayRebuilds),
                    median(dayRebuildsInService), median(dayPlain));

            QuietDatabase.settle();
            double qaAll = timed(() -> system.featuresAdmin().queryParam("desde", FIRST_DAY.toString())
                    .queryParam("hasta", LAST_DAY.toString()).queryParam("solo_delta", "true").get("/features_qa")
                    .then().statusCode(200).body("resumen.dias_con_delta", org.hamcrest.Matchers.equalTo(0)));
            report.figure("qa.all", "QA over the whole history: %,.0f ms", qaAll);

            // Every data-quality check in one run, as the qa_datos job runs them every 5 minutes.
            QuietDatabase.settle();
            JsonPath[] quality = new JsonPath[1];
            double qaDatos = timed(() -> quality[0] = system.featuresAdmin().post("/admin/api/qa_datos/ejecutar").then()
                    .statusCode(200).extract().jsonPath());
            report.figure("qa-datos.all-checks", "qa_datos all checks: %,.0f ms over HTTP, %,d ms inside the service"
                    + " (target < 5 s); %d checks, estado %s", qaDatos, quality[0].getLong("duracion_ms"),
                    quality[0].getList("checks").size(), quality[0].getString("estado"));

            List<Double> health = new ArrayList<>();
            List<Double> qaDay = new ArrayList<>();
            List<Double> qaUserDay = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                health.add(timed(() -> system.featuresAdmin().get("/features_health").then().statusCode(200)));
                qaDay.add(timed(() -> system.featuresAdmin().queryParam("dia", day.toString()).get("/features_qa")
                        .then().statusCode(200)));
                qaUserDay.add(timed(() -> system.featuresAdmin().queryParam("dia", day.toString()).queryParam("usuario_id", DAY_USER)
                        .get("/features_qa").then().statusCode(200)));
            }
            report.figure("endpoint.health", "/features_health p50 %,.1f ms, max %,.1f ms (target < 100 ms)",
                    median(health), Collections.max(health));
            report.figure("endpoint.qa-day", "/features_qa one day, all users: p50 %,.1f ms, max %,.1f ms (target < 100 ms)",
                    median(qaDay), Collections.max(qaDay));
            report.figure("endpoint.qa-user-day", "/features_qa one day, one user: p50 %,.1f ms, max %,.1f ms (target < 100 ms)",
                    median(qaUserDay), Collections.max(qaUserDay));
        }
    }

    private void generateHistory(TiempoCheckSystem system) throws SQLException {
        long started = System.nanoTime();
        try (Connection db = system.featureStore()) {
            long events = RegistroHistory.insert(db, 1, USERS, EVENTS, FIRST_DAY, DAYS);
            report.figure("history", "%,d events in registro (%d users x %d days) generated in %,.1f s; %d cores",
                    events, USERS, DAYS, (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * The limit: the single plain INSERT ... SELECT ... GROUP BY that produces the same hourly rows (both
     * hour slots of every event, through a join with a two-row table) into an empty table shaped like
     * features_horarias, grouped in that table's key order. Without categories, daily rows, upsert or totals.
     */
    private double plainSql(TiempoCheckSystem system, String where) throws SQLException {
        return timedInsert(system, plainSelect(where));
    }

    private static String plainSelect(String where) {
        return "SELECT r.usuario_id, IF(k.n = 1, r.dia, r.dia_2), IF(k.n = 1, r.hora, r.hora_2),"
                + " r.dominio, '', SUM(IF(k.n = 1, r.segundos, r.segundos_2)), 1"
                + " FROM registro r JOIN (SELECT 1 AS n UNION ALL SELECT 2) k ON k.n = 1 OR r.segundos_2 > 0 WHERE "
                + where.replace("usuario_id", "r.usuario_id").replace("dia =", "r.dia =")
                + " GROUP BY r.usuario_id, IF(k.n = 1, r.dia, r.dia_2), r.dominio, IF(k.n = 1, r.hora, r.hora_2)";
    }

    /**
     * The same plain statement writing into features_horarias itself, among the other users' 5 million rows,
     * as the rebuild must (the empty copy only ever appends to a small tree). The user's rows are deleted
     * first, untimed, and the database settled.
     */
    private double plainSqlInPlace(TiempoCheckSystem system, String user) throws Exception {
        deleteHourlyRows(system, user);
        QuietDatabase.settle();
        try (Connection db = system.featureStore(); Statement statement = db.createStatement()) {
            long started = System.nanoTime();
            statement.executeUpdate("INSERT INTO features_horarias (usuario_id, dia, hora, dominio, categoria, segundos, schema_ver) "
                    + plainSelect("usuario_id = " + user));
            return (System.nanoTime() - started) / 1e6;
        }
    }

    private static void deleteHourlyRows(TiempoCheckSystem system, String user) throws SQLException {
        try (Connection db = system.featureStore(); Statement statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM features_horarias WHERE usuario_id = " + user);
        }
    }

    /** The limit's statement over the user-year, one statement per window of the rebuild's days, as the rebuild runs it. */
    private double plainSqlInWindows(TiempoCheckSystem system, String user) throws SQLException {
        try (Connection db = system.featureStore(); Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS plain_horarias LIKE features_horarias");
            statement.execute("TRUNCATE TABLE plain_horarias");
            long started = System.nanoTime();
            for (LocalDate from = FIRST_DAY; !from.isAfter(LAST_DAY); from = from.plusDays(WINDOW_DAYS)) {
                LocalDate windowEnd = from.plusDays(WINDOW_DAYS - 1L);
                LocalDate to = windowEnd.isAfter(LAST_DAY) ? LAST_DAY : windowEnd;
                statement.executeUpdate("INSERT INTO plain_horarias (usuario_id, dia, hora, dominio, categoria, segundos, schema_ver) "
                        + plainSelect("usuario_id = " + user + " AND r.dia BETWEEN '" + from.minusDays(1) + "' AND '" + to
                        + "' AND IF(k.n = 1, r.dia, r.dia_2) BETWEEN '" + from + "' AND '" + to + "'"));
            }
            return (System.nanoTime() - started) / 1e6;
        }
    }

    private static double timedInsert(TiempoCheckSystem system, String select) throws SQLException {
        try (Connection db = system.featureStore(); Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS plain_horarias LIKE features_horarias");
            statement.execute("TRUNCATE TABLE plain_horarias");
            long started = System.nanoTime();
            statement.executeUpdate("INSERT INTO plain_horarias (usuario_id, dia, hora, dominio, categoria, segundos, schema_ver) "
                    + select);
            return (System.nanoTime() - started) / 1e6;
        }
    }

    /** @return the wall time over HTTP; the service's own measure is left in {@link #lastServiceMillis} */
    private double rebuild(TiempoCheckSystem system, Map<String, String> query) {
        long started = System.nanoTime();
        Response response = system.featuresAdmin().queryParams(query).post("/admin/api/features_rebuild");
        double millis = (System.nanoTime() - started) / 1e6;
        assertEquals(200, response.statusCode(), response.asString());
        lastServiceMillis = response.jsonPath().getDouble("duracion_ms");
        return millis;
    }

    private void compare(String name, String what, double ours, double limit) {
        report.figure(name, "rebuild %s %,.1f ms, plain INSERT...SELECT %,.1f ms -> ratio %.2fx (target <= 1.5x)",
                what, ours, limit, ours / limit);
    }

    private static double timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
