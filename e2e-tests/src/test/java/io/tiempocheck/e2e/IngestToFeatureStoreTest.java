package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** An event sent by the extension reaches the feature store through HTTP, Kafka and MySQL, counted exactly once. */
@ExtendWith(SharedSystem.class)
class IngestToFeatureStoreTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
    private static TiempoCheckSystem system;

    @BeforeAll
    static void share(TiempoCheckSystem shared) {
        system = shared;
    }

    @Test
    void sameBatchSentTwiceIsCountedOnce() {
        User ana = system.createUser("Ana", null);
        var events = List.of(
                event("github.com", "2026-03-02T09:10:00-06:00", 300),
                event("github.com", "2026-03-02T09:20:00-06:00", 120),
                event("wikipedia.org", "2026-03-02T09:30:00-06:00", 60));
        system.postEvents(ana, batch(events)).then().statusCode(202).body("aceptados", equalTo(3));
        system.postEvents(ana, batch(events)).then().statusCode(202).body("aceptados", equalTo(3));
        // Same user, same partition, in order: once the sentinel is counted, the resent batch has been processed too.
        system.postEvents(ana, batch(List.of(event("npmjs.com", "2026-03-02T10:00:00-06:00", 1)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=2026-03-02").then()
                .statusCode(200).body("horas[10].segundos", equalTo(1)));

        JsonPath day = system.getUsage(ana, "/horario?dia=2026-03-02").jsonPath();
        assertEquals(481, day.getInt("segundos"));
        assertEquals(480, day.getInt("horas[9].segundos"));
        assertEquals(420, day.getInt("horas[9].categorias.Herramientas"));
        assertEquals(60, day.getInt("horas[9].categorias.Estudio"));
        assertEquals("github.com", day.getString("horas[9].dominios[0].dominio"));
        assertEquals(420, day.getInt("horas[9].dominios[0].segundos"));
    }

    @Test
    void intervalCrossingAnHourIsSplitAcrossBothHours() {
        User ana = system.createUser("Ana", null);
        system.postEvents(ana, batch(List.of(event("youtube.com", "2026-03-03T10:59:30-06:00", 90)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=2026-03-03").then()
                .body("segundos", equalTo(90))
                .body("horas[10].segundos", equalTo(30))
                .body("horas[11].segundos", equalTo(60))
                .body("horas[11].categorias.Entretenimiento", equalTo(60)));
    }

    @Test
    void intervalCrossingMidnightInTheUsersZoneIsSplitAcrossBothDays() {
        User luis = system.createUser("Luis", "America/Mexico_City");
        // 05:59 UTC is 23:59 in Mexico City: the interval crosses the user's midnight, not UTC's.
        system.postEvents(luis, batch(List.of(event("netflix.com", "2026-03-04T05:59:00Z", 120)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(luis, "/diario?desde=2026-03-03&hasta=2026-03-04").then()
                .statusCode(200)
                .body("dias", hasSize(2))
                .body("dias[0].dia", equalTo("2026-03-03")).body("dias[0].segundos", equalTo(60))
                .body("dias[1].dia", equalTo("2026-03-04")).body("dias[1].segundos", equalTo(60))
                .body("segundos", equalTo(120)));
        system.getUsage(luis, "/horario?dia=2026-03-03").then().body("horas[23].segundos", equalTo(60));
        system.getUsage(luis, "/horario?dia=2026-03-04").then().body("horas[0].segundos", equalTo(60));
    }

    @Test
    void twoUsersNeverSeeEachOthersData() {
        User ana = system.createUser("Ana", null);
        User ben = system.createUser("Ben", "Europe/Madrid");
        system.postEvents(ana, batch(List.of(event("reddit.com", "2026-03-05T12:00:00-06:00", 600)))).then().statusCode(202);
        system.postEvents(ben, batch(List.of(event("reddit.com", "2026-03-05T12:00:00-06:00", 45)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            system.getUsage(ana, "/categorias?rango=total").then().body("segundos", equalTo(600))
                    .body("categorias[0].categoria", equalTo("Redes Sociales"));
            // 12:00 in Mexico City is 19:00 in Madrid.
            system.getUsage(ben, "/horario?dia=2026-03-05").then().body("segundos", equalTo(45))
                    .body("tz", equalTo("Europe/Madrid")).body("horas[19].segundos", equalTo(45));
        });
        system.getUsage(ana, "/horario?dia=2026-03-05").then().body("horas[12].segundos", equalTo(600));
    }

    @Test
    void subdomainsAndUrlsFoldIntoOneRegistrableDomain() {
        User ana = system.createUser("Ana", null);
        system.postEvents(ana, batch(List.of(
                event("www.youtube.com", "2026-03-06T08:00:00-06:00", 10),
                event("m.youtube.com", "2026-03-06T08:01:00-06:00", 20),
                event("https://YouTube.com/watch?v=abc", "2026-03-06T08:02:00-06:00", 30),
                event("news.bbc.co.uk", "2026-03-06T08:03:00-06:00", 40),
                event("un-sitio-desconocido.mx", "2026-03-06T08:04:00-06:00", 50)))).then().statusCode(202)
                .body("aceptados", equalTo(5));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=2026-03-06").then()
                .body("horas[8].segundos", equalTo(150))
                .body("horas[8].dominios", hasSize(3))
                .body("horas[8].dominios[0].dominio", equalTo("youtube.com"))
                .body("horas[8].dominios[0].segundos", equalTo(60))
                .body("horas[8].dominios.dominio", hasItem("bbc.co.uk"))
                .body("horas[8].categorias.'Sin categoría'", equalTo(50))
                .body("horas[8].categorias.'Información'", equalTo(40)));
    }

    @Test
    void everyInvalidEventIsRejectedWithItsIndexFieldAndReason() {
        User ana = system.createUser("Ana", null);
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10).toString();
        var response = system.postEvents(ana, batch(List.of(
                event("wikipedia.org", "2026-03-07T10:00:00-06:00", 5),
                event("not-a-uuid", "wikipedia.org", "2026-03-07T10:00:00-06:00", 5),
                Map.of("dominio", "wikipedia.org", "fecha_hora", "2026-03-07T10:00:00-06:00", "tiempo", 5),
                event("wikipedia.org", "ayer a las diez", 5),
                event("wikipedia.org", "2026-03-07T10:00:00", 5),
                event("wikipedia.org", future, 5),
                event("wikipedia.org", "2026-03-07T10:00:00-06:00", 0),
                event("wikipedia.org", "2026-03-07T10:00:00-06:00", 3601),
                Map.of("event_id", UUID.randomUUID().toString(), "dominio", "wikipedia.org", "fecha_hora", "2026-03-07T10:00:00-06:00", "tiempo", "5"),
                event("192.168.1.10", "2026-03-07T10:00:00-06:00", 5),
                event("localhost", "2026-03-07T10:00:00-06:00", 5),
                event("chrome://extensions", "2026-03-07T10:00:00-06:00", 5),
                event("", "2026-03-07T10:00:00-06:00", 5),
                event("http://[::1]:8080/", "2026-03-07T10:00:00-06:00", 5),
                event("co.uk", "2026-03-07T10:00:00-06:00", 5))));
        response.then().statusCode(202).body("aceptados", equalTo(1)).body("rechazados", hasSize(14));
        JsonPath body = response.jsonPath();
        assertRejected(body, 1, "event_id", "no es un UUID válido");
        assertRejected(body, 2, "event_id", "falta");
        assertRejected(body, 3, "fecha_hora", "no es una fecha ISO-8601 con desfase horario");
        assertRejected(body, 4, "fecha_hora", "falta el desfase horario (por ejemplo 2026-11-27T10:00:00-06:00)");
        assertRejected(body, 5, "fecha_hora", "está más de 5 minutos en el futuro");
        assertRejected(body, 6, "tiempo", "debe estar entre 1 y 3600 segundos");
        assertRejected(body, 7, "tiempo", "debe estar entre 1 y 3600 segundos");
        assertRejected(body, 8, "tiempo", "debe ser un número entero de segundos");
        assertRejected(body, 9, "dominio", "es una dirección IP, no un sitio público");
        assertRejected(body, 10, "dominio", "localhost no es un sitio público");
        assertRejected(body, 11, "dominio", "esquema no soportado: solo http y https");
        assertRejected(body, 12, "dominio", "vacío");
        assertRejected(body, 13, "dominio", "es una dirección IP, no un sitio público");
        assertRejected(body, 14, "dominio", "no pertenece a un dominio público registrable");
    }

    private static void assertRejected(JsonPath body, int index, String field, String reason) {
        List<Map<String, Object>> rejections = body.getList("rechazados.findAll { it.indice == " + index + " }");
        assertEquals(1, rejections.size(), "rejections of event " + index + ": " + rejections);
        assertEquals(field, rejections.get(0).get("campo"));
        assertEquals(reason, rejections.get(0).get("motivo"));
    }

    @Test
    void malformedOversizedAndUnauthenticatedRequestsAreRefusedWhole() {
        User ana = system.createUser("Ana", null);
        given().baseUri(system.ingest.baseUrl()).auth().oauth2(ana.token()).contentType("application/json")
                .body("{\"eventos\": [").post("/api/v1/eventos")
                .then().statusCode(400).body("motivo", containsString("no es JSON válido"));
        system.postEvents(ana, Map.of("events", List.of())).then().statusCode(400)
                .body("campo", equalTo("eventos")).body("motivo", equalTo("falta la lista de eventos"));
        var tooMany = Collections.nCopies(501, event("wikipedia.org", "2026-03-07T10:00:00-06:00", 5));
        system.postEvents(ana, batch(tooMany)).then().statusCode(413)
                .body("motivo", equalTo("como máximo 500 eventos por lote; llegaron 501"));
        String huge = "{\"eventos\": [], \"relleno\": \"" + "x".repeat(1024 * 1024) + "\"}";
        given().baseUri(system.ingest.baseUrl()).auth().oauth2(ana.token()).contentType("application/json")
                .body(huge.getBytes(StandardCharsets.UTF_8)).post("/api/v1/eventos").then().statusCode(413);

        given().baseUri(system.ingest.baseUrl()).contentType("application/json").body("{\"eventos\":[]}")
                .post("/api/v1/eventos").then().statusCode(401);
        given().baseUri(system.ingest.baseUrl()).auth().oauth2("not.a.jwt").contentType("application/json")
                .body("{\"eventos\":[]}").post("/api/v1/eventos").then().statusCode(401);
        given().baseUri(system.features.baseUrl()).get("/api/v1/uso/categorias").then().statusCode(401);
        // A device token is not an admin credential.
        given().baseUri(system.ingest.baseUrl()).auth().oauth2(ana.token()).contentType("application/json")
                .body(Map.of("nombre", "Intruso")).post("/admin/api/usuarios").then().statusCode(403);
        given().baseUri(system.ingest.baseUrl()).auth().oauth2(TiempoCheckSystem.ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("nombre", "Zed", "tz", "Marte/Olimpo")).post("/admin/api/usuarios").then().statusCode(400)
                .body("campo", equalTo("tz"));
        system.getUsage(ana, "/horario?dia=27-11-2026").then().statusCode(400)
                .body("campo", equalTo("dia")).body("motivo", equalTo("debe ser una fecha AAAA-MM-DD"));
        system.getUsage(ana, "/diario?desde=2026-03-10&hasta=2026-03-01").then().statusCode(400).body("campo", equalTo("desde"));
        system.getUsage(ana, "/categorias?rango=semana").then().statusCode(400).body("campo", equalTo("rango"));
    }

    @Test
    void aRecordThatCanNeverBeProcessedGoesToTheDeadLetterTopicAndDoesNotBlockItsPartition() {
        User ana = system.createUser("Ana", null);
        String key = Long.toString(ana.id());
        double deadLetteredBefore = system.featuresCounter("tiempocheck_events_dead_lettered_total");
        try (var producer = new KafkaProducer<String, String>(KafkaClients.config(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(system.eventsTopic, key, "{this is not an event")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        system.postEvents(ana, batch(List.of(event("duolingo.com", "2026-03-08T07:00:00-06:00", 33)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=2026-03-08").then()
                .body("horas[7].segundos", equalTo(33)));

        try (var consumer = new KafkaConsumer<String, String>(KafkaClients.config(
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(system.deadLetterTopic));
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            // Other classes' dead letters are there too: Ana's are those with her key.
            await().atMost(VISIBLE_WITHIN).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        parked.add(record);
                    }
                });
                return !parked.isEmpty();
            });
            assertEquals(1, parked.size());
            assertEquals("{this is not an event", parked.get(0).value());
            assertEquals(key, parked.get(0).key());
            assertNotNull(parked.get(0).headers().lastHeader("dead-letter-reason"));
        }
        assertEquals(1.0, system.featuresCounter("tiempocheck_events_dead_lettered_total") - deadLetteredBefore);
        given().baseUri(system.features.baseUrl()).get("/q/metrics").then().statusCode(200)
                .body(containsString("tiempocheck_events_recorded_total"));
    }
}
