package io.tiempocheck.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts, sessions and devices on the real broker and database: sign-up, sign-in and its lockout,
 * two browsers of one person, and revocations (a device, a disabled account, an erasure) refused by
 * every service, on two alerts replicas, on an open SSE stream, and by a service started afterwards.
 */
class AccountsTest {

    /** The bound: a revocation refused by every service within 60 s. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(60);
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
    private static final String PASSWORD = "correcto-caballo-bateria";
    private static final int LOCKOUT_SECONDS = 6;
    private static TiempoCheckSystem system;

    @BeforeAll
    static void start() {
        // Assigned before it starts, so that a start that fails still stops what did start.
        system = new TiempoCheckSystem().ingestSettings("TIEMPOCHECK_SESIONES_FAILURE_WINDOW", "PT" + LOCKOUT_SECONDS + "S",
                "TIEMPOCHECK_DISPOSITIVOS_VISTO_CADA", "1s");
        system.start().startAlerts(2).startSuggestions();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aPersonSignsUpSignsInAndSeesTheirAccount() {
        String login = unique("ana");
        Response created = signUp(login, PASSWORD, "Ana", "America/Monterrey");
        created.then().statusCode(201).body("usuario", equalTo(login)).body("nombre", equalTo("Ana"))
                .body("tz", equalTo("America/Monterrey")).body("dispositivos", equalTo(0)).body("activo", equalTo(true))
                .body("creado_en", notNullValue());
        // One account per name, whatever the case it is typed in.
        signUp(login.toUpperCase(), PASSWORD, "Otra Ana", null).then().statusCode(409).body("campo", equalTo("usuario"));

        String session = signIn(login, PASSWORD);
        ingest(session).get("/api/v1/cuenta").then().statusCode(200)
                .body("usuario_id", equalTo(created.jsonPath().getInt("usuario_id"))).body("usuario", equalTo(login))
                .body("tz", equalTo("America/Monterrey")).body("dispositivos", equalTo(0))
                .body("creado_en", equalTo(created.jsonPath().getString("creado_en")));
        // The session works on the other services too (the dashboard's token).
        given().baseUri(system.features.baseUrl()).auth().oauth2(session).get("/api/v1/uso/categorias?rango=hoy").then().statusCode(200);

        String wrongPassword = ingest(null).body(Map.of("usuario", login, "contrasena", "no-es-la-contrasena"))
                .post("/api/v1/sesiones").then().statusCode(401).extract().jsonPath().getString("motivo");
        String unknownName = ingest(null).body(Map.of("usuario", unique("nadie"), "contrasena", PASSWORD))
                .post("/api/v1/sesiones").then().statusCode(401).extract().jsonPath().getString("motivo");
        assertEquals(wrongPassword, unknownName);

        // Name, zone, then the password (with the current one); the old password stops working.
        ingest(session).body(Map.of("nombre", "Ana María", "tz", "America/Mexico_City")).patch("/api/v1/cuenta").then()
                .statusCode(200).body("nombre", equalTo("Ana María")).body("tz", equalTo("America/Mexico_City"));
        ingest(session).body(Map.of("contrasena", "otra-contrasena-larga", "contrasena_actual", "equivocada!!"))
                .patch("/api/v1/cuenta").then().statusCode(403).body("campo", equalTo("contrasena_actual"));
        ingest(session).body(Map.of("contrasena", "otra-contrasena-larga", "contrasena_actual", PASSWORD))
                .patch("/api/v1/cuenta").then().statusCode(200);
        ingest(null).body(Map.of("usuario", login, "contrasena", PASSWORD)).post("/api/v1/sesiones").then().statusCode(401);
        signIn(login, "otra-contrasena-larga");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String login = unique("beto");
        assertRefused(signUp(null, PASSWORD, "Beto", null), "usuario");
        assertRefused(signUp("a b", PASSWORD, "Beto", null), "usuario");
        assertRefused(signUp(login, "corta", "Beto", null), "contrasena");
        assertRefused(signUp(login, "x".repeat(73), "Beto", null), "contrasena");
        assertRefused(signUp(login, PASSWORD, " ", null), "nombre");
        assertRefused(signUp(login, PASSWORD, "B".repeat(101), null), "nombre");
        assertRefused(signUp(login, PASSWORD, "Beto", "Mars/Olympus_Mons"), "tz");
        assertRefused(ingest(null).body(Map.of("contrasena", PASSWORD)).post("/api/v1/sesiones"), "usuario");
        assertRefused(ingest(null).body(Map.of("usuario", login)).post("/api/v1/sesiones"), "contrasena");

        signUp(login, PASSWORD, "Beto", null).then().statusCode(201);
        String session = signIn(login, PASSWORD);
        assertRefused(ingest(session).body(Map.of()).post("/api/v1/dispositivos"), "nombre");
        assertRefused(ingest(session).body(Map.of("tz", "UTC+5")).patch("/api/v1/cuenta"), "tz");
        assertRefused(ingest(session).body(Map.of("contrasena", "corta", "contrasena_actual", PASSWORD)).patch("/api/v1/cuenta"), "contrasena");
        assertRefused(ingest(session).body(Map.of("contrasena", "nueva-contrasena-larga")).patch("/api/v1/cuenta"), "contrasena_actual");
        assertRefused(admin().queryParam("pagina", "0").get("/admin/api/usuarios"), "pagina");
        assertRefused(admin().queryParam("tamano", "10000").get("/admin/api/usuarios"), "tamano");
        assertRefused(admin().body(Map.of()).patch("/admin/api/usuarios/1"), "activo");
        // Nothing was created by the refused sign-ups.
        assertEquals(0, count(system.ingestDb, "SELECT COUNT(*) FROM usuarios WHERE usuario = ?", login + "x"));
    }

    @Test
    void moreThanFiveFailuresLockTheNameUntilTheWindowPasses() throws Exception {
        String login = unique("carla");
        String other = unique("dora");
        signUp(login, PASSWORD, "Carla", null).then().statusCode(201);
        signUp(other, PASSWORD, "Dora", null).then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            ingest(null).body(Map.of("usuario", login, "contrasena", "mala-contrasena-" + i)).post("/api/v1/sesiones").then().statusCode(401);
        }
        // Locked: even the right password, with the time to wait.
        Response locked = ingest(null).body(Map.of("usuario", login, "contrasena", PASSWORD)).post("/api/v1/sesiones");
        locked.then().statusCode(429);
        int retryAfter = Integer.parseInt(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= LOCKOUT_SECONDS + 1, "Retry-After " + retryAfter);
        // Another person is not locked out.
        signIn(other, PASSWORD);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        signIn(login, PASSWORD);
    }

    @Test
    void twoDevicesAddUpInOneAccountAndARevokedDeviceIsRefusedEverywhere() throws Exception {
        String login = unique("elena");
        long userId = signUp(login, PASSWORD, "Elena", null).then().statusCode(201).extract().jsonPath().getLong("usuario_id");
        String session = signIn(login, PASSWORD);
        // Events need a device token; a session cannot send them.
        system.postEvents(new User(userId, session), batch(List.of(event("a.com", "2026-03-02T10:00:00-06:00", 1)))).then().statusCode(403);

        Response laptop = ingest(session).body(Map.of("nombre", "Portátil")).post("/api/v1/dispositivos");
        laptop.then().statusCode(201).body("nombre", equalTo("Portátil")).body("token", notNullValue());
        Response desktop = ingest(session).body(Map.of("nombre", "Escritorio")).post("/api/v1/dispositivos");
        User fromLaptop = new User(userId, laptop.jsonPath().getString("token"));
        User fromDesktop = new User(userId, desktop.jsonPath().getString("token"));
        String laptopId = laptop.jsonPath().getString("device_id");
        String desktopId = desktop.jsonPath().getString("device_id");
        // A device token cannot mint other device tokens.
        ingest(fromLaptop.token()).body(Map.of("nombre", "Otro")).post("/api/v1/dispositivos").then().statusCode(403);

        User bystander = system.createUser("Testigo", null);
        system.postEvents(fromLaptop, batch(List.of(event("www.youtube.com", "2026-03-02T10:00:00-06:00", 300)))).then().statusCode(202);
        system.postEvents(fromDesktop, batch(List.of(event("youtube.com", "2026-03-02T10:10:00-06:00", 120),
                event("github.com", "2026-03-02T11:00:00-06:00", 60)))).then().statusCode(202);
        system.postEvents(bystander, batch(List.of(event("github.com", "2026-03-02T10:00:00-06:00", 45)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(fromLaptop, "/horario?dia=2026-03-02").then()
                .statusCode(200).body("segundos", equalTo(480)).body("horas[10].segundos", equalTo(420)));
        system.getUsage(fromDesktop, "/horario?dia=2026-03-02").then().body("segundos", equalTo(480));
        // Another user, so maybe another partition: counted on its own time.
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(bystander, "/horario?dia=2026-03-02").then()
                .body("segundos", equalTo(45)));
        // registro keeps which browser sent what.
        assertEquals(Map.of(laptopId, 300L, desktopId, 180L), secondsByDevice(userId));

        ingest(session).get("/api/v1/cuenta").then().body("dispositivos", equalTo(2));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> ingest(session).get("/api/v1/dispositivos").then().statusCode(200)
                .body("", hasSize(2)).body("find { it.device_id == '" + laptopId + "' }.visto_en", notNullValue())
                .body("find { it.device_id == '" + desktopId + "' }.nombre", equalTo("Escritorio"))
                .body("find { it.device_id == '" + laptopId + "' }.creado_en", equalTo(laptop.jsonPath().getString("creado_en"))));

        try (SseClient laptopStream = new SseClient(system.alerts.get(1).baseUrl() + "/api/v1/alertas/stream", fromLaptop.token(), null);
             SseClient desktopStream = new SseClient(system.alerts.get(1).baseUrl() + "/api/v1/alertas/stream", fromDesktop.token(), null)) {
            assertEquals(200, laptopStream.status);
            ingest(fromDesktop.token()).delete("/api/v1/dispositivos/" + laptopId).then().statusCode(403);
            ingest(session).delete("/api/v1/dispositivos/" + UUID.randomUUID()).then().statusCode(404);
            Instant revokedAt = Instant.now();
            ingest(session).delete("/api/v1/dispositivos/" + laptopId).then().statusCode(204);
            assertRefusedEverywhere(fromLaptop);
            await().atMost(REFUSED_WITHIN).until(laptopStream::ended);
            System.out.printf("Revoked device refused by every service and its stream closed after %d ms%n",
                    Duration.between(revokedAt, Instant.now()).toMillis());
            assertTrue(!desktopStream.ended(), "the other device's stream stays open");
        }
        ingest(session).delete("/api/v1/dispositivos/" + laptopId).then().statusCode(404);
        ingest(session).get("/api/v1/dispositivos").then().body("", hasSize(1)).body("[0].device_id", equalTo(desktopId));
        assertAcceptedEverywhere(fromDesktop);
        assertAcceptedEverywhere(bystander);

        // A service started after the revocation knows it from the topic.
        ServiceProcess late = system.startAnotherFeaturesReplica();
        given().baseUri(late.baseUrl()).auth().oauth2(fromLaptop.token()).get("/api/v1/uso/categorias").then().statusCode(401);
        given().baseUri(late.baseUrl()).auth().oauth2(fromDesktop.token()).get("/api/v1/uso/categorias").then().statusCode(200);
    }

    @Test
    void aDisabledAccountIsRefusedEverywhereUntilEnabledAgain() {
        String login = unique("fer");
        long userId = signUp(login, PASSWORD, "Fer", null).then().statusCode(201).extract().jsonPath().getLong("usuario_id");
        String session = signIn(login, PASSWORD);
        User device = new User(userId, ingest(session).body(Map.of("nombre", "Portátil")).post("/api/v1/dispositivos")
                .then().statusCode(201).extract().jsonPath().getString("token"));
        User bystander = system.createUser("Testigo", null);

        admin().body(Map.of("activo", false)).patch("/admin/api/usuarios/" + userId).then().statusCode(200).body("activo", equalTo(false));
        assertRefusedEverywhere(device);
        assertRefusedEverywhere(new User(userId, session));
        ingest(null).body(Map.of("usuario", login, "contrasena", PASSWORD)).post("/api/v1/sesiones").then().statusCode(403);
        assertAcceptedEverywhere(bystander);
        ingest(device.token()).get("/api/v1/cuenta").then().statusCode(401);

        // The operator's list shows it, a page at a time.
        Response page = admin().queryParam("tamano", "200").get("/admin/api/usuarios");
        page.then().statusCode(200).body("pagina", equalTo(1)).body("tamano", equalTo(200))
                .body("usuarios.find { it.usuario_id == " + userId + " }.activo", equalTo(false))
                .body("usuarios.find { it.usuario_id == " + bystander.id() + " }.activo", equalTo(true));
        assertTrue(page.jsonPath().getLong("total") >= 2);
        admin().queryParam("tamano", "1").queryParam("pagina", "1").get("/admin/api/usuarios").then().body("usuarios", hasSize(1));
        ingest(bystander.token()).get("/admin/api/usuarios").then().statusCode(403);

        admin().body(Map.of("activo", true)).patch("/admin/api/usuarios/" + userId).then().statusCode(200);
        assertAcceptedEverywhere(device);
        signIn(login, PASSWORD);
        admin().body(Map.of("activo", false)).patch("/admin/api/usuarios/999999999").then().statusCode(404);
    }

    @Test
    void anExportHoldsWhatWasSentAndAnErasureLeavesNothingEvenAfterAReplay() throws Exception {
        String login = unique("gina");
        long userId = signUp(login, PASSWORD, "Gina", null).then().statusCode(201).extract().jsonPath().getLong("usuario_id");
        String session = signIn(login, PASSWORD);
        User gina = new User(userId, ingest(session).body(Map.of("nombre", "Portátil")).post("/api/v1/dispositivos")
                .then().statusCode(201).extract().jsonPath().getString("token"));
        String otherLogin = unique("hugo");
        long otherId = signUp(otherLogin, PASSWORD, "Hugo", null).then().statusCode(201).extract().jsonPath().getLong("usuario_id");
        User hugo = new User(otherId, ingest(signIn(otherLogin, PASSWORD)).body(Map.of("nombre", "Escritorio"))
                .post("/api/v1/dispositivos").then().statusCode(201).extract().jsonPath().getString("token"));

        system.createLimit(gina, Map.of("dominio", "youtube.com", "segundos_diarios", 60));
        system.suggestions(gina).body(Map.of("multiplicador_limite", 0.5)).put("/api/v1/politica").then().statusCode(200);
        List<Map<String, Object>> sent = List.of(event("www.youtube.com", "2026-03-05T10:00:00-06:00", 120),
                event("github.com", "2026-03-05T11:30:00-06:00", 600), event("bbc.co.uk", "2026-03-06T09:00:00-06:00", 30));
        system.postEvents(gina, batch(sent)).then().statusCode(202).body("aceptados", equalTo(3));
        system.postEvents(hugo, batch(List.of(event("github.com", "2026-03-05T10:00:00-06:00", 90)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.alerts(gina).get("/api/v1/alertas?dia=2026-03-05").then()
                .statusCode(200).body("nivel", hasItem("exceso")));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(gina, "/horario?dia=2026-03-06").then().body("segundos", equalTo(30)));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(hugo, "/horario?dia=2026-03-05").then().body("segundos", equalTo(90)));

        Response export = ingest(session).get("/api/v1/cuenta/exportar");
        export.then().statusCode(200).contentType(ContentType.JSON)
                .body("formato", equalTo("tiempocheck.exportacion.v1"))
                .body("cuenta", hasSize(1)).body("cuenta[0].usuario", equalTo(login)).body("cuenta[0].usuario_id", equalTo((int) userId))
                .body("dispositivos", hasSize(1)).body("dispositivos[0].nombre", equalTo("Portátil"))
                .body("limites", hasSize(1)).body("limites[0].dominio", equalTo("youtube.com"))
                .body("alertas.nivel", hasItem("exceso"))
                .body("politicas", hasSize(1)).body("politicas[0].definicion", containsString("multiplicador_limite"));
        assertTrue(export.header("Content-Disposition").startsWith("attachment"));
        // A browser's GET declares no Content-Type: the download and the account's pages work without one.
        for (String path : List.of("/api/v1/cuenta/exportar", "/api/v1/cuenta", "/api/v1/dispositivos")) {
            assertEquals(200, RawHttp.send("GET", system.ingest.baseUrl() + path, null, "Authorization", "Bearer " + session)
                    .statusCode(), path);
        }
        assertTrue(!export.asString().contains("contrasena"), "no password hash in the export");
        Map<String, Integer> exported = new HashMap<>();
        for (Map<String, Object> row : export.jsonPath().<Map<String, Object>>getList("registro")) {
            exported.put((String) row.get("event_id"), ((Number) row.get("tiempo")).intValue());
        }
        Map<String, Integer> expected = new HashMap<>();
        sent.forEach(e -> expected.put((String) e.get("event_id"), (Integer) e.get("tiempo")));
        assertEquals(expected, exported);
        assertEquals(750, export.jsonPath().<Integer>getList("features_diarias.segundos").stream().mapToInt(Integer::intValue).sum());
        assertEquals(750, export.jsonPath().<Integer>getList("features_horarias.segundos").stream().mapToInt(Integer::intValue).sum());

        ingest(session).body(Map.of("contrasena", "no-es-la-contrasena")).delete("/api/v1/cuenta").then().statusCode(403);
        ingest(gina.token()).body(Map.of("contrasena", PASSWORD)).delete("/api/v1/cuenta").then().statusCode(403);
        ingest(session).body(Map.of("contrasena", PASSWORD)).delete("/api/v1/cuenta").then().statusCode(204);

        assertNothingLeftOf(userId);
        assertRefusedEverywhere(gina);
        assertRefusedEverywhere(new User(userId, session));
        ingest(null).body(Map.of("usuario", login, "contrasena", PASSWORD)).post("/api/v1/sesiones").then().statusCode(401);
        system.getUsage(hugo, "/horario?dia=2026-03-05").then().body("segundos", equalTo(90));

        // A features-service reading the whole usage topic again finds the user erased.
        String group = "replay-" + system.runId;
        ServiceProcess replay = system.startFeaturesReplay(group);
        awaitReplayed(group);
        assertNothingLeftOf(userId);
        given().baseUri(replay.baseUrl()).auth().oauth2(hugo.token()).get("/api/v1/uso/horario?dia=2026-03-05").then()
                .statusCode(200).body("segundos", equalTo(90));
        assertEquals(1, count(system.ingestDb, "SELECT COUNT(*) FROM usuarios WHERE id = ?", otherId));
    }

    private static void assertNothingLeftOf(long userId) {
        Map<String, List<String>> tables = Map.of(
                system.ingestDb, List.of("usuarios:id", "dispositivos:usuario_id"),
                system.featuresDb, List.of("registro:usuario_id", "features_horarias:usuario_id", "features_diarias:usuario_id",
                        "features_dias:usuario_id"),
                system.alertsDb, List.of("limites:usuario_id", "alertas:usuario_id", "alertas_usuario:usuario_id"),
                system.suggestionsDb, List.of("politicas:usuario_id", "evaluaciones:usuario_id"));
        await().atMost(REFUSED_WITHIN).untilAsserted(() -> tables.forEach((database, columns) -> {
            for (String column : columns) {
                String[] parts = column.split(":");
                assertEquals(0, count(database, "SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1] + " = ?", userId),
                        database + "." + parts[0]);
            }
        }));
    }

    /** Waits until the consumer group has committed offsets at the end of every partition of the usage topic. */
    private static void awaitReplayed(String group) {
        try (Admin admin = Admin.create(KafkaClients.config())) {
            await().atMost(VISIBLE_WITHIN.multipliedBy(2)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(system.eventsTopic)).allTopicNames().get().get(system.eventsTopic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(system.eventsTopic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                ends.forEach((partition, end) -> {
                    long at = committed.containsKey(partition) ? committed.get(partition).offset() : 0;
                    assertEquals(end.offset(), at, "replayed up to the end of " + partition);
                });
            });
        }
    }

    // --- helpers

    private static void assertRefusedEverywhere(User user) {
        await().atMost(REFUSED_WITHIN).untilAsserted(() -> {
            system.postEvents(user, batch(List.of(event("github.com", "2026-03-02T12:00:00-06:00", 5)))).then().statusCode(401);
            system.getUsage(user, "/categorias?rango=hoy").then().statusCode(401);
            for (int replica = 0; replica < system.alerts.size(); replica++) {
                system.alerts(replica, user).get("/api/v1/limites").then().statusCode(401);
            }
            system.suggestions(user).get("/api/sugerencias").then().statusCode(401);
        });
        try (SseClient stream = new SseClient(system.alerts.get(0).baseUrl() + "/api/v1/alertas/stream", user.token(), null)) {
            assertEquals(401, stream.status);
        }
    }

    private static void assertAcceptedEverywhere(User user) {
        await().atMost(REFUSED_WITHIN).untilAsserted(() -> {
            system.postEvents(user, batch(List.of(event("github.com", "2026-03-02T12:00:00-06:00", 5)))).then().statusCode(202);
            system.getUsage(user, "/categorias?rango=hoy").then().statusCode(200);
            for (int replica = 0; replica < system.alerts.size(); replica++) {
                system.alerts(replica, user).get("/api/v1/limites").then().statusCode(200);
            }
            system.suggestions(user).get("/api/sugerencias").then().statusCode(200);
        });
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response signUp(String login, String password, String name, String zone) {
        Map<String, Object> body = new HashMap<>();
        body.put("usuario", login);
        body.put("contrasena", password);
        body.put("nombre", name);
        if (zone != null) {
            body.put("tz", zone);
        }
        return ingest(null).body(body).post("/api/v1/cuentas");
    }

    static String signIn(String login, String password) {
        return ingest(null).body(Map.of("usuario", login, "contrasena", password)).post("/api/v1/sesiones").then()
                .statusCode(200).body("tipo", equalTo("sesion")).body("expira_en_segundos", equalTo(12 * 3600))
                .extract().jsonPath().getString("token");
    }

    static RequestSpecification ingest(String token) {
        RequestSpecification request = given().baseUri(system.ingest.baseUrl()).contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    static RequestSpecification admin() {
        return ingest(TiempoCheckSystem.ADMIN_TOKEN);
    }

    static void assertRefused(Response response, String field) {
        response.then().statusCode(400).body("campo", equalTo(field)).body("motivo", notNullValue());
    }

    private static Map<String, Long> secondsByDevice(long userId) throws SQLException {
        Map<String, Long> seconds = new HashMap<>();
        try (Connection connection = system.featureStore();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT device_id, SUM(tiempo) FROM registro WHERE usuario_id = ? GROUP BY device_id")) {
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seconds.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return seconds;
    }

    static long count(String database, String sql, Object... params) {
        try (Connection connection = system.database(database); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
