package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch side of the feature store keeps the invariant hours = day = registro: late events,
 * hand-corrupted rows, lost aggregates and old definitions are found and repaired, and the
 * operator's endpoints show and export it. Jobs are run on demand here (their schedules are an hour
 * away), so each test decides when they run.
 */
class FeatureStoreJobsTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static TiempoCheckSystem system;

    @BeforeAll
    static void start() {
        system = new TiempoCheckSystem(Map.of(
                "TIEMPOCHECK_FEATURES_JOBS_FIRST_RUN_DELAY", "1h",
                "TIEMPOCHECK_FEATURES_JOBS_HOURLY_EVERY", "1h",
                "TIEMPOCHECK_FEATURES_JOBS_DAILY_EVERY", "1h",
                "TIEMPOCHECK_FEATURES_JOBS_CATCHUP_EVERY", "1h")).start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void lateEventForYesterdayLandsInYesterdaysHourAndTheDayClosesWithoutDelta() throws SQLException {
        User ana = system.createUser("Ana", "America/Mexico_City");
        // Ten minutes of margin: right after midnight yesterday is not closable yet (00:05 local).
        LocalDate yesterday = ZonedDateTime.now(MEXICO).minusMinutes(10).toLocalDate().minusDays(1);
        String start = yesterday + "T10:15:00-06:00";
        system.postEvents(ana, batch(List.of(event("github.com", start, 600)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=" + yesterday).then()
                .body("horas[10].segundos", equalTo(600)));

        // The hourly rows are lost (say, restored from an old backup): the hourly job puts them back from registro.
        execute("DELETE FROM features_horarias WHERE usuario_id = ?", ana.id());
        runJob("features_horarias").body("estado", equalTo("ok")).body("dias_reconstruidos", greaterThanOrEqualTo(1));
        system.getUsage(ana, "/horario?dia=" + yesterday).then().body("horas[10].segundos", equalTo(600));

        runJob("features_diarias").body("estado", equalTo("ok")).body("dias_reconstruidos", greaterThanOrEqualTo(1));
        JsonPath state = system.featuresAdmin().queryParam("usuario_id", ana.id()).queryParam("dia", yesterday.toString())
                .get("/admin/api/features_estado").then().statusCode(200).extract().jsonPath();
        assertEquals(1, state.getInt("eventos"));
        assertEquals(600, state.getInt("segundos"));
        assertTrue(state.getBoolean("cerrado"), "yesterday is over in Mexico City, so the daily job closed it");
        assertEquals(0, state.getInt("qa_registrada.delta_horas_registro"));
        assertEquals(0, state.getInt("qa_actual.delta_horas_dia"));
        assertEquals(0, state.getInt("qa_actual.delta_dia_registro"));

        // An event for the closed day arrives later still: the day opens again and the next close includes it.
        system.postEvents(ana, batch(List.of(event("github.com", yesterday + "T11:00:00-06:00", 60)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.featuresAdmin().queryParam("usuario_id", ana.id())
                .queryParam("dia", yesterday.toString()).get("/admin/api/features_estado").then()
                .body("segundos", equalTo(660)).body("cerrado", equalTo(false)));
        runJob("features_diarias");
        system.featuresAdmin().queryParam("usuario_id", ana.id()).queryParam("dia", yesterday.toString())
                .get("/admin/api/features_estado").then().body("cerrado", equalTo(true)).body("qa_actual.delta_dia_registro", equalTo(0));
    }

    @Test
    void corruptedRowIsShownByQaFoundByCatchUpAndRepairedByRebuild() throws SQLException {
        User luis = system.createUser("Luis", "America/Mexico_City");
        // Inside the catch-up window (the last 31 days).
        LocalDate day = LocalDate.now(MEXICO).minusDays(10);
        system.postEvents(luis, batch(List.of(
                event("youtube.com", at(day, 20, 0, MEXICO), 1200),
                event("wikipedia.org", at(day, 20, 30, MEXICO), 300)))).then().statusCode(202);
        awaitDaySeconds(luis, day, 1500);
        qa(luis, day).body("resumen.dias_con_delta", equalTo(0));

        execute("UPDATE features_horarias SET segundos = segundos + 500 WHERE usuario_id = ? AND dominio = 'youtube.com'", luis.id());
        qa(luis, day).body("resumen.dias_revisados", equalTo(1)).body("resumen.dias_con_delta", equalTo(1))
                .body("resumen.delta_maximo", equalTo(500))
                .body("dias[0].segundos_horas", equalTo(2000)).body("dias[0].segundos_registro", equalTo(1500))
                .body("dias[0].delta_horas_dia", equalTo(500)).body("dias[0].delta_horas_registro", equalTo(500));

        runJob("features_catchup").body("estado", equalTo("ok")).body("dias_reconstruidos", greaterThanOrEqualTo(1));
        qa(luis, day).body("resumen.dias_con_delta", equalTo(0));

        execute("UPDATE features_diarias SET segundos = 1 WHERE usuario_id = ?", luis.id());
        qa(luis, day).body("dias[0].delta_dia_registro", equalTo(1199 + 299));
        system.featuresAdmin().queryParam("dia", day.toString()).queryParam("usuario_id", luis.id())
                .post("/admin/api/features_rebuild").then().statusCode(200)
                .body("dias_reconstruidos", equalTo(1))
                .body("segundos_despues", equalTo(1500));
        qa(luis, day).body("resumen.dias_con_delta", equalTo(0));
        system.getUsage(luis, "/diario?desde=" + day + "&hasta=" + day).then().body("segundos", equalTo(1500));
    }

    @Test
    void daysWithEventsButNoAggregatesAndOldDefinitionsAreRebuiltByCatchUp() throws SQLException {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        User eva = system.createUser("Eva", madrid.getId());
        LocalDate first = LocalDate.now(madrid).minusDays(12);
        LocalDate second = first.plusDays(1);
        system.postEvents(eva, batch(List.of(
                event("bbc.co.uk", at(first, 8, 0, madrid), 900),
                event("github.com", at(second, 23, 50, madrid), 1200)))).then().statusCode(202);
        awaitDaySeconds(eva, second.plusDays(1), 600);
        // An outage that lost the aggregates and day state of the first day, and the second left at an older definition.
        execute("DELETE FROM features_horarias WHERE usuario_id = ? AND dia = '" + first + "'", eva.id());
        execute("DELETE FROM features_diarias WHERE usuario_id = ? AND dia = '" + first + "'", eva.id());
        execute("DELETE FROM features_dias WHERE usuario_id = ? AND dia = '" + first + "'", eva.id());
        execute("UPDATE features_horarias SET schema_ver = 0 WHERE usuario_id = ? AND dia = '" + second + "'", eva.id());

        runJob("features_catchup").body("estado", equalTo("ok")).body("dias_reconstruidos", greaterThanOrEqualTo(2));
        system.getUsage(eva, "/diario?desde=" + first + "&hasta=" + second.plusDays(1)).then()
                .body("dias.segundos", hasItems(900, 600, 600)).body("segundos", equalTo(2100));
        assertEquals(0, count("SELECT COUNT(*) FROM features_horarias WHERE usuario_id = ? AND schema_ver < 1", eva.id()));
        assertEquals(3, count("SELECT COUNT(*) FROM features_dias WHERE usuario_id = ?", eva.id()));
    }

    @Test
    void exportRoundTripsAndRefusesADayWhoseHoursAndTotalDisagree() throws Exception {
        User rosa = system.createUser("Rosa", "America/Mexico_City");
        system.postEvents(rosa, batch(List.of(
                event("youtube.com", "2026-04-01T09:59:00-06:00", 120),
                event("netflix.com", "2026-04-02T21:00:00-06:00", 3600),
                event("bbc.co.uk", "2026-04-02T22:10:00-06:00", 45)))).then().statusCode(202);
        awaitDaySeconds(rosa, LocalDate.of(2026, 4, 2), 3645);

        for (String table : List.of("features_horarias", "features_diarias")) {
            Response response = system.featuresAdmin().queryParam("tabla", table).queryParam("usuario_id", rosa.id())
                    .get("/admin/api/features_export");
            response.then().statusCode(200).header("Content-Disposition", containsString(table + ".csv.gz"));
            Map<String, Long> fromCsv = new HashMap<>();
            try (CSVParser csv = CSVParser.builder()
                    .setReader(new InputStreamReader(new GZIPInputStream(response.asInputStream()), StandardCharsets.UTF_8))
                    .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
                assertTrue(csv.getHeaderNames().containsAll(List.of("usuario_id", "dia", "dominio", "segundos", "schema_ver")));
                for (CSVRecord row : csv) {
                    assertEquals("1", row.get("schema_ver"));
                    fromCsv.merge(row.get("dia"), Long.parseLong(row.get("segundos")), Long::sum);
                }
            }
            assertEquals(Map.of("2026-04-01", 120L, "2026-04-02", 3645L), fromCsv, table);
            assertEquals(3765, count("SELECT SUM(segundos) FROM " + table + " WHERE usuario_id = ?", rosa.id()));
        }

        execute("UPDATE features_diarias SET segundos = segundos + 7 WHERE usuario_id = ? AND dia = '2026-04-02'", rosa.id());
        system.featuresAdmin().queryParam("tabla", "features_diarias").queryParam("usuario_id", rosa.id())
                .get("/admin/api/features_export").then().statusCode(409)
                .body("motivo", containsString("día 2026-04-02: las horas y el total del día no coinciden"));
        system.featuresAdmin().queryParam("desde", "2026-04-01").queryParam("hasta", "2026-04-02")
                .queryParam("usuario_id", rosa.id()).post("/admin/api/features_rebuild").then().statusCode(200)
                .body("dias_reconstruidos", equalTo(2)).body("segundos_despues", equalTo(3765));
    }

    @Test
    void cliChecksRebuildsExportsAndReportsStatus() throws Exception {
        User pablo = system.createUser("Pablo", "America/Mexico_City");
        system.postEvents(pablo, batch(List.of(event("github.com", "2026-02-10T12:00:00-06:00", 400)))).then().statusCode(202);
        awaitDaySeconds(pablo, LocalDate.of(2026, 2, 10), 400);
        String user = Long.toString(pablo.id());

        execute("UPDATE features_horarias SET segundos = 1 WHERE usuario_id = ?", pablo.id());
        CliRun qa = cli("qa", "--desde", "2026-02-10", "--hasta", "2026-02-10", "--usuario", user);
        assertEquals(2, qa.exitCode(), qa.output());
        assertTrue(qa.output().contains("1 user-days checked, 1 with a delta, largest delta 399 s"), qa.output());

        CliRun rebuild = cli("rebuild", "--dia", "2026-02-10", "--usuario", user);
        assertEquals(0, rebuild.exitCode(), rebuild.output());
        assertTrue(rebuild.output().contains("rebuilt 1 user-days (1 changed)"), rebuild.output());
        assertTrue(rebuild.output().contains("seconds 1 -> 400"), rebuild.output());
        assertEquals(0, cli("qa", "--desde", "2026-02-10", "--hasta", "2026-02-10", "--usuario", user).exitCode());

        Path dir = Files.createTempDirectory("tc-export");
        CliRun export = cli("export", "--dir", dir.toString(), "--usuario", user);
        assertEquals(0, export.exitCode(), export.output());
        try (var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(dir.resolve("features_diarias.csv.gz"))), StandardCharsets.UTF_8))) {
            assertEquals(List.of("usuario_id,dia,dominio,categoria,segundos,schema_ver", user + ",2026-02-10,github.com,Herramientas,400,1"),
                    lines.lines().toList());
        }

        CliRun status = cli("status");
        assertTrue(status.exitCode() <= 1, status.output());
        assertTrue(status.output().contains("\"features_catchup\""), status.output());
    }

    private record CliRun(int exitCode, String output) {
    }

    private static CliRun cli(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("tiempocheck.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("features-cli/target/quarkus-app/quarkus-run.jar").toString(),
                "--url", system.features.baseUrl(), "--token", TiempoCheckSystem.ADMIN_TOKEN));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliRun(process.waitFor(), output);
    }

    @Test
    void healthShowsEveryJobTheFreshnessAndTheConsumerLag() {
        runJob("features_horarias");
        system.featuresAdmin().get("/features_health").then().statusCode(200)
                .body("estado", equalTo("ok"))
                .body("scheduler_activo", equalTo(true))
                .body("jobs.job", hasItems("features_horarias", "features_diarias", "features_catchup"))
                .body("jobs.find { it.job == 'features_horarias' }.ultima_ejecucion.estado", equalTo("ok"))
                .body("jobs.find { it.job == 'features_horarias' }.proxima_ejecucion", notNullValue())
                .body("consumidor.lag_total", notNullValue())
                .body("consumidor.particiones[0].lag", notNullValue());
        given().baseUri(system.features.baseUrl()).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("feature-store"));
        given().baseUri(system.features.baseUrl()).get("/q/metrics").then().statusCode(200)
                .body(containsString("tiempocheck_features_job_duration_seconds_count{estado=\"ok\",job=\"features_horarias\""));
    }

    @Test
    void adminEndpointsRefuseUsersStrangersAndBadInput() {
        User ana = system.createUser("Ana", null);
        var asUser = given().baseUri(system.features.baseUrl()).auth().oauth2(ana.token());
        var anonymous = given().baseUri(system.features.baseUrl());
        asUser.post("/admin/api/features_rebuild?dia=2026-01-01").then().statusCode(403);
        anonymous.post("/admin/api/features_rebuild?dia=2026-01-01").then().statusCode(401);
        given().baseUri(system.features.baseUrl()).auth().oauth2(ana.token())
                .get("/admin/api/features_estado?usuario_id=1&dia=2026-01-01").then().statusCode(403);
        given().baseUri(system.features.baseUrl()).auth().oauth2(ana.token()).get("/features_qa").then().statusCode(403);
        given().baseUri(system.features.baseUrl()).get("/features_qa").then().statusCode(401);
        given().baseUri(system.features.baseUrl()).auth().oauth2(ana.token())
                .get("/admin/api/features_export?tabla=features_horarias").then().statusCode(403);

        badRequest(system.featuresAdmin().post("/admin/api/features_rebuild?dia=2026-13-01"), "dia", "debe ser una fecha AAAA-MM-DD");
        badRequest(system.featuresAdmin().post("/admin/api/features_rebuild"), "dia", "indica dia o desde/hasta");
        badRequest(system.featuresAdmin().post("/admin/api/features_rebuild?desde=2026-01-01"), "hasta", "un rango necesita desde y hasta");
        badRequest(system.featuresAdmin().post("/admin/api/features_rebuild?desde=2026-02-01&hasta=2026-01-01"), "desde",
                "debe ser anterior o igual a hasta");
        badRequest(system.featuresAdmin().post("/admin/api/features_rebuild?dia=2026-01-01&usuario_id=x"), "usuario_id",
                "debe ser un número entero");
        badRequest(system.featuresAdmin().get("/admin/api/features_estado?dia=2026-01-01"), "usuario_id", "es obligatorio");
        badRequest(system.featuresAdmin().get("/features_qa?hasta=ayer"), "hasta", "debe ser una fecha AAAA-MM-DD");
        badRequest(system.featuresAdmin().get("/admin/api/features_export?tabla=registro"), "tabla",
                "debe ser features_horarias o features_diarias");
        badRequest(system.featuresAdmin().post("/admin/api/features_jobs/limpieza"), "job",
                "debe ser features_horarias, features_diarias, features_catchup o qa_datos");
        system.featuresAdmin().get("/admin/api/features_estado?usuario_id=999999&dia=2026-01-01").then().statusCode(404)
                .body("campo", equalTo("dia"));
    }

    private static void badRequest(Response response, String field, String reason) {
        response.then().statusCode(400).body("campo", equalTo(field)).body("motivo", equalTo(reason));
    }

    /** ISO-8601 start of a local wall-clock time, with the zone's offset on that day. */
    private static String at(LocalDate day, int hour, int minute, ZoneId zone) {
        return day.atTime(hour, minute).atZone(zone).toOffsetDateTime().toString();
    }

    private static ValidatableResponse runJob(String job) {
        return system.featuresAdmin().post("/admin/api/features_jobs/" + job).then().statusCode(200).body("job", equalTo(job));
    }

    private static ValidatableResponse qa(User user, LocalDate day) {
        return system.featuresAdmin().queryParam("dia", day.toString()).queryParam("usuario_id", user.id())
                .get("/features_qa").then().statusCode(200);
    }

    private static void awaitDaySeconds(User user, LocalDate day, int seconds) {
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(user, "/diario?desde=" + day + "&hasta=" + day)
                .then().body("segundos", equalTo(seconds)));
    }

    private static void execute(String sql, long userId) throws SQLException {
        try (Connection db = system.featureStore(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, userId);
            statement.executeUpdate();
        }
    }

    private static long count(String sql, long userId) throws SQLException {
        try (Connection db = system.featureStore(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, userId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
