package io.tiempocheck.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data-quality checks (qa_datos) on the real stack: each fault is planted the way it happens —
 * a hand-edited hourly row, two devices counting the same day, a site nobody categorised taking most
 * of the time, a consumer held up by a lock — its check turns rojo, and it is verde again once the
 * fault is repaired the way an operator would. The checks look at every user, so this class has a
 * system of its own; each test plants its fault on days the other tests' checks do not look at.
 */
class DataQualityChecksTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
    private static final String PASSWORD = "una-contrasena-larga";
    private static TiempoCheckSystem system;

    @BeforeAll
    static void start() throws IOException {
        // The consumer's lag thresholds low enough for a few held-up events; everything else as shipped.
        Path settings = Files.createTempFile("qa-datos-", ".properties");
        Files.writeString(settings, "tiempocheck.features.quality.checks.lag_consumidor.amarillo=5\n"
                + "tiempocheck.features.quality.checks.lag_consumidor.rojo=10\n");
        settings.toFile().deleteOnExit();
        system = new TiempoCheckSystem(Map.of(
                "QUARKUS_CONFIG_LOCATIONS", settings.toUri().toString(),
                "TIEMPOCHECK_FEATURES_JOBS_FIRST_RUN_DELAY", "1h",
                "TIEMPOCHECK_FEATURES_JOBS_HOURLY_EVERY", "1h",
                "TIEMPOCHECK_FEATURES_JOBS_DAILY_EVERY", "1h",
                "TIEMPOCHECK_FEATURES_JOBS_CATCHUP_EVERY", "1h",
                "TIEMPOCHECK_FEATURES_QUALITY_EVERY", "1h")).start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aCorruptedHourlyRowIsRedUntilTheDayIsRebuilt() throws SQLException {
        User luis = system.createUser("Luis", "UTC");
        LocalDate day = today().minusDays(2);
        system.postEvents(luis, batch(List.of(event("youtube.com", day + "T20:00:00Z", 1200)))).then().statusCode(202);
        awaitDaySeconds(luis, day, 1200);
        assertEquals("verde", state(run(), "qa_deltas"));

        execute("UPDATE features_horarias SET segundos = segundos + 500 WHERE usuario_id = ?", luis.id());
        JsonPath run = run();
        assertEquals("rojo", state(run, "qa_deltas"));
        assertEquals(500, run.getInt(path("qa_deltas") + ".detalle.mayor_delta_segundos"));
        assertEquals(luis.id(), run.getLong(path("qa_deltas") + ".detalle.dias[0].usuario_id"));
        assertEquals(day.toString(), run.getString(path("qa_deltas") + ".detalle.dias[0].dia"));

        system.featuresAdmin().queryParam("dia", day.toString()).queryParam("usuario_id", luis.id())
                .post("/admin/api/features_rebuild").then().statusCode(200).body("segundos_despues", equalTo(1200));
        assertEquals("verde", state(run(), "qa_deltas"));
        system.featuresAdmin().queryParam("check", "qa_deltas").get("/admin/api/qa_datos/historial").then().statusCode(200)
                .body("entradas.estado", hasItems("verde", "rojo"));
    }

    @Test
    void twoDevicesCountingTheSameDayAreRedUntilTheSpareDevicesEventsAreGone() throws SQLException {
        String login = "qa-" + UUID.randomUUID().toString().substring(0, 8);
        long userId = ingest(null).body(Map.of("usuario", login, "contrasena", PASSWORD, "nombre", "Marta", "tz", "UTC"))
                .post("/api/v1/cuentas").then().statusCode(201).extract().jsonPath().getLong("usuario_id");
        String session = ingest(null).body(Map.of("usuario", login, "contrasena", PASSWORD)).post("/api/v1/sesiones").then()
                .statusCode(200).extract().jsonPath().getString("token");
        var laptop = ingest(session).body(Map.of("nombre", "Portátil")).post("/api/v1/dispositivos").then().statusCode(201)
                .extract().jsonPath();
        var desktop = ingest(session).body(Map.of("nombre", "Escritorio")).post("/api/v1/dispositivos").then().statusCode(201)
                .extract().jsonPath();
        // Outside sin_categoria's week, inside the plausibility checks' fortnight.
        LocalDate day = today().minusDays(10);
        List<Map<String, Object>> wholeDay = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            wholeDay.add(event("github.com", day + "T%02d:00:00Z".formatted(hour), 3600));
        }
        system.postEvents(new User(userId, laptop.getString("token")), batch(wholeDay)).then().statusCode(202);
        system.postEvents(new User(userId, desktop.getString("token")), batch(List.of(
                event("github.com", day + "T10:00:00Z", 3600), event("github.com", day + "T11:00:00Z", 3600))))
                .then().statusCode(202);
        User marta = new User(userId, laptop.getString("token"));
        awaitDaySeconds(marta, day, 26 * 3600);

        JsonPath run = run();
        assertEquals("rojo", state(run, "dias_sobre_24h"));
        assertEquals(userId, run.getLong(path("dias_sobre_24h") + ".detalle.dias[0].usuario_id"));
        assertEquals(26 * 3600, run.getInt(path("dias_sobre_24h") + ".detalle.dias[0].segundos"));
        assertEquals(2.0, run.getDouble(path("horas_sobre_3600s") + ".valor"));
        assertEquals("amarillo", state(run, "horas_sobre_3600s"));

        // The operator's repair: the spare device's events go, the day is rebuilt from what is left.
        execute("DELETE FROM registro WHERE usuario_id = ? AND device_id = '" + desktop.getString("device_id") + "'", userId);
        system.featuresAdmin().queryParam("dia", day.toString()).queryParam("usuario_id", userId)
                .post("/admin/api/features_rebuild").then().statusCode(200).body("segundos_despues", equalTo(24 * 3600));
        run = run();
        assertEquals("verde", state(run, "dias_sobre_24h"));
        assertEquals("verde", state(run, "horas_sobre_3600s"));
    }

    @Test
    void anUncategorisedSiteWithMostOfTheTimeIsRedUntilItHasACategory() {
        User rosa = system.createUser("Rosa", "UTC");
        String site = "sin-categoria-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        LocalDate day = today().minusDays(1);
        system.postEvents(rosa, batch(List.of(event(site, day + "T08:00:00Z", 3600), event(site, day + "T09:00:00Z", 3600),
                event(site, day + "T10:00:00Z", 3600), event(site, day + "T11:00:00Z", 3600)))).then().statusCode(202);
        awaitDaySeconds(rosa, day, 4 * 3600);

        JsonPath run = run();
        assertEquals("rojo", state(run, "sin_categoria"));
        assertEquals(site, run.getString(path("sin_categoria") + ".detalle.sitios[0].dominio"));
        assertTrue(run.getString(path("sin_categoria") + ".mensaje").contains(site));

        system.features(rosa).body(Map.of("categoria", "Trabajo")).put("/api/v1/categorias/" + site).then().statusCode(200);
        assertEquals("verde", state(run(), "sin_categoria"));
    }

    @Test
    void aConsumerHeldUpByALockIsRedUntilItMovesAgain() throws SQLException {
        User eva = system.createUser("Eva", "UTC");
        LocalDate day = today().minusDays(4);
        system.postEvents(eva, batch(List.of(event("github.com", day + "T07:00:00Z", 60)))).then().statusCode(202);
        awaitDaySeconds(eva, day, 60);
        await().atMost(VISIBLE_WITHIN).until(() -> "verde".equals(state(run(), "lag_consumidor")));

        // A long transaction holds the day's state row, which the consumer locks first in every batch.
        try (Connection holder = system.featureStore()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT tz FROM features_dias WHERE usuario_id = ? AND dia = ? FOR UPDATE")) {
                lock.setLong(1, eva.id());
                lock.setObject(2, day);
                lock.executeQuery().close();
            }
            List<Map<String, Object>> more = new ArrayList<>();
            for (int minute = 10; minute < 40; minute++) {
                more.add(event("github.com", day + "T07:%02d:00Z".formatted(minute), 30));
            }
            system.postEvents(eva, batch(more)).then().statusCode(202);
            JsonPath stuck = await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofSeconds(1)).until(DataQualityChecksTest::run,
                    run -> "rojo".equals(state(run, "lag_consumidor")));
            assertTrue(stuck.getDouble(path("lag_consumidor") + ".valor") >= 10);
            assertTrue(stuck.getString(path("lag_consumidor") + ".mensaje").contains("eventos detrás"));
            holder.rollback();
        }
        awaitDaySeconds(eva, day, 60 + 30 * 30);
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofSeconds(1))
                .until(() -> "verde".equals(state(run(), "lag_consumidor")));
        String metrics = given().baseUri(system.features.baseUrl()).get("/q/metrics").then().extract().asString();
        assertTrue(metrics.contains("tiempocheck_qa_datos_estado{check=\"lag_consumidor\"} 0.0"), metrics);
    }

    @Test
    void onlyTheOperatorSeesTheChecks() {
        User user = system.createUser("Pablo", "UTC");
        system.featuresAnonymous().get("/admin/api/qa_datos").then().statusCode(401);
        system.features(user).get("/admin/api/qa_datos").then().statusCode(403);
        system.features(user).post("/admin/api/qa_datos/ejecutar").then().statusCode(403);
        system.featuresAdmin().get("/admin/api/qa_datos/historial?check=nada").then().statusCode(400)
                .body("campo", equalTo("check"));
    }

    private static JsonPath run() {
        return system.featuresAdmin().post("/admin/api/qa_datos/ejecutar").then().statusCode(200).extract().jsonPath();
    }

    private static String path(String check) {
        return "checks.find { it.check == '" + check + "' }";
    }

    private static String state(JsonPath run, String check) {
        return run.getString(path(check) + ".estado");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static void awaitDaySeconds(User user, LocalDate day, int seconds) {
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(user, "/diario?desde=" + day + "&hasta=" + day)
                .then().statusCode(200).body("segundos", equalTo(seconds)));
    }

    private static RequestSpecification ingest(String token) {
        RequestSpecification request = given().baseUri(system.ingest.baseUrl()).contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    private static void execute(String sql, long userId) throws SQLException {
        try (Connection connection = system.featureStore(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            statement.executeUpdate();
        }
    }
}
