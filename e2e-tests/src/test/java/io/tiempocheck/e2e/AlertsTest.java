package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits and real-time alerts, from the extension's HTTP events to the SSE stream, on the real broker and database. */
@ExtendWith(SharedSystem.class)
class AlertsTest {

    /** From the 202 of the crossing event to the alert on the stream, with room for a loaded machine. */
    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(30);
    /** How long a stream is watched for an event that must not come. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static TiempoCheckSystem system;

    @BeforeAll
    static void share(TiempoCheckSystem shared) {
        system = shared;
    }

    @Test
    void aTenMinuteCategoryLimitWarnsOnceAtEightMinutesThenExceedsOnceAtTen() throws Exception {
        User ana = system.createUser("Ana", null);
        // Spelled as a person types it; stored as the feature store spells the category.
        long limit = system.createLimit(ana, Map.of("categoria", "redes sociales", "segundos_diarios", 600));
        long sentinel = system.createLimit(ana, Map.of("dominio", "https://www.youtube.com/", "segundos_diarios", 60));
        system.alerts(ana).get("/api/v1/limites/" + limit).then().statusCode(200)
                .body("categoria", equalTo("Redes Sociales")).body("dominio", nullValue())
                .body("umbral_aviso", equalTo(80)).body("dias_semana", contains(1, 2, 3, 4, 5, 6, 7)).body("activo", equalTo(true));
        system.alerts(ana).get("/api/v1/limites/" + sentinel).then().body("dominio", equalTo("youtube.com"));

        try (SseClient stream = open(ana)) {
            assertEquals(200, stream.status);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);

            postUsage(ana, event("www.reddit.com", "2026-03-10T09:00:00-06:00", 300), event("instagram.com", "2026-03-10T09:05:00-06:00", 180));
            SseClient.Event warning = awaitEvent(stream);
            assertEquals("alerta", warning.name());
            JsonPath first = JsonPath.from(warning.data());
            assertEquals(Long.parseLong(warning.id()), first.getLong("id"));
            assertEquals(limit, first.getLong("limite_id"));
            assertEquals("proximidad", first.getString("nivel"));
            assertEquals("Redes Sociales", first.getString("categoria"));
            assertNull(first.get("dominio"));
            assertEquals("2026-03-10", first.getString("dia"));
            assertEquals(480, first.getInt("uso_segundos"));
            assertEquals(600, first.getInt("limite_segundos"));
            assertEquals(80, first.getInt("umbral_aviso"));
            assertEquals(false, first.getBoolean("aceptada"));
            assertNotNull(first.getString("creada_en"));

            postUsage(ana, event("x.com", "2026-03-10T09:10:00-06:00", 120));
            SseClient.Event exceeded = awaitEvent(stream);
            JsonPath second = JsonPath.from(exceeded.data());
            assertEquals("exceso", second.getString("nivel"));
            assertEquals(limit, second.getLong("limite_id"));
            assertEquals(600, second.getInt("uso_segundos"));
            assertTrue(Long.parseLong(exceeded.id()) > Long.parseLong(warning.id()));

            // More of the same category, then the sentinel: once its alert is here, the extra usage has been evaluated too.
            postUsage(ana, event("reddit.com", "2026-03-10T09:20:00-06:00", 300));
            postUsage(ana, event("youtube.com", "2026-03-10T09:30:00-06:00", 60));
            JsonPath third = JsonPath.from(awaitEvent(stream).data());
            assertEquals(sentinel, third.getLong("limite_id"), "a third alert on the category limit arrived: " + third.prettify());
            assertNull(stream.next(QUIET));
        }
        system.alerts(ana).get("/api/v1/alertas?dia=2026-03-10").then().statusCode(200)
                .body("nivel", contains("proximidad", "exceso", "exceso"))
                .body("limite_id", contains((int) limit, (int) limit, (int) sentinel));
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsEveryMissedAlertInOrderOnceThenLiveOnes() throws Exception {
        User luis = system.createUser("Luis", null);
        long movies = system.createLimit(luis, Map.of("dominio", "netflix.com", "segundos_diarios", 600));
        long streams = system.createLimit(luis, Map.of("dominio", "twitch.tv", "segundos_diarios", 100, "umbral_aviso", 50));
        long seen;
        try (SseClient stream = open(luis)) {
            postUsage(luis, event("netflix.com", "2026-03-11T20:00:00-06:00", 480));
            SseClient.Event warning = awaitEvent(stream);
            assertEquals("proximidad", JsonPath.from(warning.data()).getString("nivel"));
            seen = Long.parseLong(warning.id());
        }
        // Offline: two alerts fire.
        postUsage(luis, event("netflix.com", "2026-03-11T20:10:00-06:00", 200));
        postUsage(luis, event("twitch.tv", "2026-03-11T20:20:00-06:00", 100));
        await().atMost(ARRIVES_WITHIN).untilAsserted(() ->
                system.alerts(luis).get("/api/v1/alertas?dia=2026-03-11").then().body("$", hasSize(3)));

        try (SseClient stream = new SseClient(streamUrl(), luis.token(), Long.toString(seen))) {
            JsonPath missed1 = JsonPath.from(awaitEvent(stream).data());
            JsonPath missed2 = JsonPath.from(awaitEvent(stream).data());
            assertEquals(List.of(movies, streams), List.of(missed1.getLong("limite_id"), missed2.getLong("limite_id")));
            assertEquals("exceso", missed1.getString("nivel"));
            assertEquals("exceso", missed2.getString("nivel"));
            assertTrue(missed1.getLong("id") > seen && missed2.getLong("id") > missed1.getLong("id"));
            assertNull(stream.next(QUIET), "an alert came twice");

            long live = system.createLimit(luis, Map.of("dominio", "primevideo.com", "segundos_diarios", 30));
            // An id the server never handed out (another deployment, a restored database) must not hide new alerts.
            try (SseClient fromTheFuture = new SseClient(streamUrl(), luis.token(), "999999999")) {
                postUsage(luis, event("primevideo.com", "2026-03-11T21:00:00-06:00", 30));
                assertEquals(live, JsonPath.from(awaitEvent(stream).data()).getLong("limite_id"));
                assertEquals(live, JsonPath.from(awaitEvent(fromTheFuture).data()).getLong("limite_id"));
                assertNull(stream.next(QUIET));
                assertNull(fromTheFuture.next(Duration.ZERO));
            }
        }

        // For clients that cannot set headers (EventSource): the token and the last id as query parameters.
        try (SseClient stream = new SseClient(streamUrl() + "?token=" + luis.token() + "&last_event_id=" + seen, null, null)) {
            assertEquals(200, stream.status);
            assertEquals(List.of("exceso", "exceso", "exceso"), List.of(JsonPath.from(awaitEvent(stream).data()).getString("nivel"),
                    JsonPath.from(awaitEvent(stream).data()).getString("nivel"), JsonPath.from(awaitEvent(stream).data()).getString("nivel")));
            assertNull(stream.next(QUIET));
        }
        // Without a last id: only what happens from now on.
        try (SseClient stream = open(luis)) {
            assertNull(stream.next(QUIET));
            assertTrue(stream.comments.contains("conectado"), stream.comments.toString());
        }
    }

    @Test
    void aRedeliveredFeatureUpdateRaisesNoSecondAlertAndALateWarningNoneAfterTheExcess() throws Exception {
        User eva = system.createUser("Eva", null);
        long study = system.createLimit(eva, Map.of("dominio", "duolingo.com", "segundos_diarios", 600));
        long sentinel = system.createLimit(eva, Map.of("dominio", "khanacademy.org", "segundos_diarios", 100));
        String exceeded = update(eva, "2026-03-12", "duolingo.com", 700);
        // Kafka's at-least-once: the same update three times, then an older one at 83 % arriving late.
        produceUpdates(eva, exceeded, exceeded, update(eva, "2026-03-12", "duolingo.com", 500), exceeded,
                update(eva, "2026-03-12", "khanacademy.org", 100));
        await().atMost(ARRIVES_WITHIN).untilAsserted(() ->
                system.alerts(eva).get("/api/v1/alertas?dia=2026-03-12").then().body("limite_id", contains((int) study, (int) sentinel)));
        system.alerts(eva).get("/api/v1/alertas?dia=2026-03-12").then().body("nivel", contains("exceso", "exceso"))
                .body("uso_segundos", contains(700, 100));
        try (SseClient stream = new SseClient(streamUrl() + "?last_event_id=0", eva.token(), null)) {
            assertEquals(study, JsonPath.from(awaitEvent(stream).data()).getLong("limite_id"));
            assertEquals(sentinel, JsonPath.from(awaitEvent(stream).data()).getLong("limite_id"));
            assertNull(stream.next(QUIET));
        }
    }

    @Test
    void aRedeliveredUsageBatchPublishesItsDayTotalsAgain() {
        User zoe = system.createUser("Zoe", null);
        String record = "{\"schema_ver\":1,\"event_id\":\"" + UUID.randomUUID() + "\",\"usuario_id\":" + zoe.id()
                + ",\"device_id\":\"d\",\"dominio\":\"duolingo.com\",\"fecha_hora\":\"2026-03-15T10:00:00-06:00\",\"tiempo\":60,"
                + "\"recibido_en\":\"2026-03-15T16:01:00Z\",\"tz\":\"America/Mexico_City\"}";
        // The same record twice, as after a crash between features-service's commit and its ack: counted once, announced twice.
        produce(system.eventsTopic, zoe, record, record);
        try (var consumer = new KafkaConsumer<String, String>(KafkaClients.config(
                ConsumerConfig.GROUP_ID_CONFIG, "updates-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(system.featureUpdatesTopic));
            List<JsonPath> updates = new ArrayList<>();
            await().atMost(ARRIVES_WITHIN).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().equals(Long.toString(zoe.id()))) {
                        updates.add(JsonPath.from(r.value()));
                    }
                });
                return updates.size() >= 2;
            });
            for (JsonPath update : updates) {
                assertEquals("2026-03-15", update.getString("dia"));
                assertEquals(60, update.getInt("dominios.'duolingo.com'"));
                assertEquals(60, update.getInt("categorias.Estudio"));
            }
        }
        system.getUsage(zoe, "/horario?dia=2026-03-15").then().body("segundos", equalTo(60));
    }

    @Test
    void aUserNeverSeesAnotherUsersLimitsOrAlerts() throws Exception {
        User ana = system.createUser("Ana", null);
        User ben = system.createUser("Ben", "Europe/Madrid");
        long anasLimit = system.createLimit(ana, Map.of("dominio", "reddit.com", "segundos_diarios", 60));
        try (SseClient bensStream = new SseClient(streamUrl() + "?last_event_id=0", ben.token(), null)) {
            postUsage(ana, event("reddit.com", "2026-03-13T12:00:00-06:00", 60));
            await().atMost(ARRIVES_WITHIN).untilAsserted(() ->
                    system.alerts(ana).get("/api/v1/alertas?dia=2026-03-13").then().body("$", hasSize(1)));
            long anasAlert = system.alerts(ana).get("/api/v1/alertas?dia=2026-03-13").jsonPath().getLong("[0].id");

            system.alerts(ben).get("/api/v1/limites").then().statusCode(200).body("$", empty());
            system.alerts(ben).get("/api/v1/limites/" + anasLimit).then().statusCode(404);
            system.alerts(ben).body(Map.of("dominio", "reddit.com", "segundos_diarios", 1)).put("/api/v1/limites/" + anasLimit)
                    .then().statusCode(404);
            system.alerts(ben).delete("/api/v1/limites/" + anasLimit).then().statusCode(404);
            system.alerts(ben).get("/api/v1/alertas?dia=2026-03-13").then().statusCode(200).body("$", empty());
            system.alerts(ben).post("/api/v1/alertas/" + anasAlert + "/aceptar").then().statusCode(404);
            system.alerts(ana).get("/api/v1/limites/" + anasLimit).then().statusCode(200).body("segundos_diarios", equalTo(60));

            // Ben's own alert is the first thing on his stream: Ana's never was.
            long bensLimit = system.createLimit(ben, Map.of("dominio", "youtube.com", "segundos_diarios", 30));
            postUsage(ben, event("youtube.com", "2026-03-13T12:00:00+01:00", 30));
            assertEquals(bensLimit, JsonPath.from(awaitEvent(bensStream).data()).getLong("limite_id"));
            assertNull(bensStream.next(QUIET));

            system.alerts(ana).post("/api/v1/alertas/" + anasAlert + "/aceptar").then().statusCode(200)
                    .body("id", equalTo((int) anasAlert)).body("aceptada", equalTo(true)).body("aceptada_en", notNullValue());
            String acceptedAt = system.alerts(ana).get("/api/v1/alertas?dia=2026-03-13").jsonPath().getString("[0].aceptada_en");
            system.alerts(ana).post("/api/v1/alertas/" + anasAlert + "/aceptar").then().statusCode(200)
                    .body("aceptada_en", equalTo(acceptedAt));
            system.alerts(ana).get("/api/v1/alertas?dia=2026-03-13").then().body("[0].aceptada", equalTo(true));
        }
    }

    @Test
    void limitsCanBeListedReplacedAndDeleted() {
        User rosa = system.createUser("Rosa", null);
        long id = system.createLimit(rosa, Map.of("dominio", "m.facebook.com", "segundos_diarios", 1800, "umbral_aviso", 90,
                "dias_semana", List.of(6, 7, 6), "activo", false));
        system.alerts(rosa).get("/api/v1/limites").then().statusCode(200).body("$", hasSize(1))
                .body("[0].dominio", equalTo("facebook.com")).body("[0].dias_semana", contains(6, 7))
                .body("[0].activo", equalTo(false)).body("[0].umbral_aviso", equalTo(90));
        system.alerts(rosa).body(Map.of("categoria", "Entretenimiento", "segundos_diarios", 3600, "dias_semana", List.of(1, 2, 3, 4, 5)))
                .put("/api/v1/limites/" + id).then().statusCode(200)
                .body("id", equalTo((int) id)).body("categoria", equalTo("Entretenimiento")).body("dominio", nullValue())
                .body("segundos_diarios", equalTo(3600)).body("umbral_aviso", equalTo(80)).body("activo", equalTo(true));
        system.alerts(rosa).delete("/api/v1/limites/" + id).then().statusCode(204);
        system.alerts(rosa).get("/api/v1/limites/" + id).then().statusCode(404);
        system.alerts(rosa).get("/api/v1/limites").then().body("$", empty());
    }

    @Test
    void todaysAlertsAreListedByDefaultInTheUsersZone() {
        ZoneId zone = middayZone();
        User kim = system.createUser("Kim", zone.getId());
        system.createLimit(kim, Map.of("dominio", "wikipedia.org", "segundos_diarios", 10));
        OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        postUsage(kim, event("es.wikipedia.org", now.minusSeconds(12).toString(), 10));
        String today = now.toLocalDate().toString();
        await().atMost(ARRIVES_WITHIN).untilAsserted(() -> system.alerts(kim).get("/api/v1/alertas").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].dia", equalTo(today)).body("[0].aceptada", equalTo(false)));
    }

    @Test
    void aFirstConnectionWithoutLastEventIdStartsWithTodaysAlertsNotYetAccepted() throws Exception {
        ZoneId zone = middayZone();
        User ari = system.createUser("Ari", zone.getId());
        long news = system.createLimit(ari, Map.of("dominio", "bbc.com", "segundos_diarios", 10));
        long games = system.createLimit(ari, Map.of("dominio", "twitch.tv", "segundos_diarios", 10));
        OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        // Stored while no stream of hers was open, as when the replica that stored them crashed before pushing them.
        postUsage(ari, event("bbc.com", now.minusSeconds(40).toString(), 10), event("twitch.tv", now.minusSeconds(20).toString(), 10));
        await().atMost(ARRIVES_WITHIN).untilAsserted(() -> system.alerts(ari).get("/api/v1/alertas").then().body("$", hasSize(2)));
        List<Map<String, Object>> today = system.alerts(ari).get("/api/v1/alertas").jsonPath().getList("$");
        Object seenOnAnotherDevice = today.stream().filter(a -> ((Number) a.get("limite_id")).longValue() == games)
                .findFirst().orElseThrow().get("id");
        system.alerts(ari).post("/api/v1/alertas/" + seenOnAnotherDevice + "/aceptar").then().statusCode(200);

        try (SseClient stream = open(ari)) {
            SseClient.Event replayed = awaitEvent(stream);
            assertEquals(news, JsonPath.from(replayed.data()).getLong("limite_id"));
            assertNull(stream.next(QUIET), "an accepted alert, or one alert twice");
            // The replay does not move the stream's position: new alerts still arrive once.
            long live = system.createLimit(ari, Map.of("dominio", "primevideo.com", "segundos_diarios", 5));
            postUsage(ari, event("primevideo.com", now.minusSeconds(10).toString(), 5));
            assertEquals(live, JsonPath.from(awaitEvent(stream).data()).getLong("limite_id"));
            assertNull(stream.next(QUIET));
        }
    }

    @Test
    void aLimitSetAfterTheUsageIsComparedWithTodayAtOnce() throws Exception {
        ZoneId zone = middayZone();
        User ines = system.createUser("Ines", zone.getId());
        OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        postUsage(ines, event("netflix.com", now.minusSeconds(130).toString(), 120));
        await().atMost(ARRIVES_WITHIN).untilAsserted(() -> system.getUsage(ines, "/categorias?rango=hoy").then().body("segundos", equalTo(120)));
        try (SseClient stream = open(ines)) {
            long limit = system.createLimit(ines, Map.of("categoria", "Entretenimiento", "segundos_diarios", 100));
            JsonPath alert = JsonPath.from(awaitEvent(stream).data());
            assertEquals(limit, alert.getLong("limite_id"));
            assertEquals("exceso", alert.getString("nivel"));
            assertEquals(120, alert.getInt("uso_segundos"));
            assertEquals(now.toLocalDate().toString(), alert.getString("dia"));
            // Changing the limit compares again, but (limit, day, level) still fires once.
            system.alerts(ines).body(Map.of("categoria", "Entretenimiento", "segundos_diarios", 110)).put("/api/v1/limites/" + limit)
                    .then().statusCode(200);
            assertNull(stream.next(QUIET));
        }
    }

    @Test
    void theStreamSendsKeepAliveComments() throws Exception {
        User noa = system.createUser("Noa", null);
        try (SseClient stream = open(noa)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments.contains("keep-alive"));
            assertNull(stream.next(Duration.ZERO));
        }
    }

    @Test
    void badRequestsAreRefusedWithTheFieldAndReason() {
        User ana = system.createUser("Ana", null);
        assertRefused(ana, Map.of("segundos_diarios", 600), "categoria", "indica una categoria o un dominio");
        assertRefused(ana, Map.of("categoria", "Estudio", "dominio", "khanacademy.org", "segundos_diarios", 600),
                "dominio", "indica una categoria o un dominio, no ambos");
        assertRefused(ana, Map.of("categoria", "Videojuegos", "segundos_diarios", 600), "categoria", null);
        assertRefused(ana, Map.of("dominio", "localhost", "segundos_diarios", 600), "dominio", "localhost no es un sitio público");
        assertRefused(ana, Map.of("dominio", "192.168.1.10", "segundos_diarios", 600), "dominio", "es una dirección IP, no un sitio público");
        assertRefused(ana, Map.of("dominio", "youtube.com"), "segundos_diarios", "falta");
        assertRefused(ana, Map.of("dominio", "youtube.com", "segundos_diarios", 0), "segundos_diarios", "debe estar entre 1 y 86400 segundos");
        assertRefused(ana, Map.of("dominio", "youtube.com", "segundos_diarios", 86_401), "segundos_diarios", "debe estar entre 1 y 86400 segundos");
        assertRefused(ana, Map.of("dominio", "youtube.com", "segundos_diarios", "una hora"), "segundos_diarios", "tipo no válido: se esperaba un número entero");
        assertRefused(ana, Map.of("dominio", "youtube.com", "segundos_diarios", 60.5), "segundos_diarios", "tipo no válido: se esperaba un número entero");
        assertRefused(ana, Map.of("dominio", "youtube.com", "segundos_diarios", 600, "umbral_aviso", 100), "umbral_aviso", "debe ser un porcentaje entre 1 y 99");
        assertRefused(ana, Map.of("dominio", "youtube.com", "segundos_diarios", 600, "dias_semana", List.of(0)), "dias_semana",
                "cada día debe ser un número de 1 (lunes) a 7 (domingo)");
        assertRefused(ana, Map.of("dominio", "youtube.com", "segundos_diarios", 600, "dias_semana", "lunes"), "dias_semana",
                "tipo no válido: se esperaba una lista");
        system.alerts(ana).body("{\"dominio\": ").post("/api/v1/limites").then().statusCode(400)
                .body("motivo", startsWith("el cuerpo no es JSON válido"));
        system.alerts(ana).body("{\"dominio\": \"" + "x".repeat(70_000) + "\"}").post("/api/v1/limites").then().statusCode(413);
        system.alerts(ana).get("/api/v1/limites").then().body("$", empty());
        for (int i = 0; i < 100; i++) {
            system.createLimit(ana, Map.of("dominio", "sitio-" + i + ".mx", "segundos_diarios", 600));
        }
        system.alerts(ana).body(Map.of("dominio", "sitio-100.mx", "segundos_diarios", 600)).post("/api/v1/limites").then()
                .statusCode(400).body("motivo", equalTo("como máximo 100 límites por usuario; borra alguno antes"));

        system.alerts(ana).get("/api/v1/alertas?dia=27-11-2026").then().statusCode(400)
                .body("campo", equalTo("dia")).body("motivo", equalTo("debe ser una fecha AAAA-MM-DD"));
        try (SseClient stream = new SseClient(streamUrl(), ana.token(), "la-ultima")) {
            assertEquals(400, stream.status);
            assertEquals("Last-Event-ID", JsonPath.from(stream.body).getString("campo"));
        }

        system.alerts(ana).get("/api/v1/limites/999999999").then().statusCode(404);
        system.alerts(ana).get("/api/v1/limites/abc").then().statusCode(404);
        system.alerts(ana).post("/api/v1/alertas/999999999/aceptar").then().statusCode(404);

        String alerts = system.alerts.get(0).baseUrl();
        given().baseUri(alerts).get("/api/v1/limites").then().statusCode(401);
        given().baseUri(alerts).get("/api/v1/alertas").then().statusCode(401);
        given().baseUri(alerts).auth().oauth2("not.a.jwt").get("/api/v1/limites").then().statusCode(401);
        // The query token is for the stream only.
        given().baseUri(alerts).queryParam("token", ana.token()).get("/api/v1/limites").then().statusCode(401);
        try (SseClient stream = new SseClient(streamUrl(), null, null)) {
            assertEquals(401, stream.status);
        }
        try (SseClient stream = new SseClient(streamUrl() + "?token=not.a.jwt", null, null)) {
            assertEquals(401, stream.status);
        }
    }

    /** A time zone where it is about noon now, so "today" cannot turn into tomorrow while a test runs. */
    private static ZoneId middayZone() {
        return ZoneOffset.ofHours(12 - OffsetDateTime.now(ZoneOffset.UTC).getHour());
    }

    private static void assertRefused(User user, Map<String, Object> limit, String field, String reason) {
        var response = system.alerts(user).body(limit).post("/api/v1/limites");
        response.then().statusCode(400).body("campo", equalTo(field));
        if (reason != null) {
            response.then().body("motivo", equalTo(reason));
        }
    }

    private static SseClient open(User user) {
        SseClient stream = new SseClient(streamUrl(), user.token(), null);
        assertEquals(200, stream.status, stream.body);
        return stream;
    }

    private static String streamUrl() {
        return system.alerts.get(0).baseUrl() + "/api/v1/alertas/stream";
    }

    private static SseClient.Event awaitEvent(SseClient stream) throws InterruptedException {
        SseClient.Event event = stream.next(ARRIVES_WITHIN);
        assertNotNull(event, "no alert within " + ARRIVES_WITHIN);
        return event;
    }

    @SafeVarargs
    private static void postUsage(User user, Map<String, Object>... events) {
        system.postEvents(user, batch(List.of(events))).then().statusCode(202).body("aceptados", equalTo(events.length));
    }

    private static String update(User user, String day, String domain, long seconds) {
        return "{\"schema_ver\":1,\"usuario_id\":" + user.id() + ",\"dia\":\"" + day + "\",\"dominios\":{\"" + domain + "\":" + seconds
                + "},\"categorias\":{\"Estudio\":" + seconds + "},\"leido_en\":\"2026-03-12T18:00:00Z\"}";
    }

    private static void produceUpdates(User user, String... updates) {
        produce(system.featureUpdatesTopic, user, updates);
    }

    private static void produce(String topic, User user, String... records) {
        try (var producer = new KafkaProducer<String, String>(KafkaClients.config(),
                new StringSerializer(), new StringSerializer())) {
            for (String record : records) {
                producer.send(new ProducerRecord<>(topic, Long.toString(user.id()), record)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
