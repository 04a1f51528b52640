package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static io.tiempocheck.e2e.RandomTraffic.count;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records no ingest would accept, put straight on the topics (as an older ingest, a replay or a tool
 * could), among good events of other users: the good ones are counted, the services stay ready, each
 * bad record sits in the dead-letter topic with its reason and nothing of it is in the feature store.
 */
@ExtendWith(SharedSystem.class)
class PoisonRecordsTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);
    private static TiempoCheckSystem system;

    @BeforeAll
    static void share(TiempoCheckSystem shared) {
        system = shared;
    }

    @Test
    void ingestRefusesStartsBefore2000AndOlderThanItsMaximumAge() {
        User ana = system.createUser("Ana", null);
        system.postEvents(ana, batch(List.of(
                        event("wikipedia.org", "0000-01-01T00:00:00Z", 5),
                        event("wikipedia.org", "1999-12-31T23:59:59Z", 5),
                        event("wikipedia.org", Instant.now().minus(Duration.ofDays(401)).toString(), 5),
                        event("wikipedia.org", Instant.now().minus(Duration.ofDays(399)).toString(), 5))))
                .then().statusCode(202).body("aceptados", equalTo(1)).body("rechazados", hasSize(3))
                .body("rechazados[0].campo", equalTo("fecha_hora")).body("rechazados[0].motivo", equalTo("es anterior al 2000-01-01"))
                .body("rechazados[1].motivo", equalTo("es anterior al 2000-01-01"))
                .body("rechazados[2].indice", equalTo(2)).body("rechazados[2].motivo", equalTo("tiene más de 400 días de antigüedad"));
    }

    @Test
    void poisonUsageEventsOnTheTopicGoToTheDeadLetterTopicAndTheOtherUsersAreCounted() throws Exception {
        User ana = system.createUser("Ana", null);
        User ben = system.createUser("Ben", "Europe/Madrid");
        User mal = system.createUser("Mal", null);
        Map<String, String> poison = new HashMap<>();
        poison.put(usage(mal, "youtube.com", "0000-01-01T00:00:00Z", 60, "America/Mexico_City"), "fecha_hora before");
        poison.put(usage(mal, "youtube.com", "-0001-06-01T00:00:00Z", 60, "America/Mexico_City"), "fecha_hora before");
        poison.put(usage(mal, "youtube.com", "2026-03-20T10:00:00Z", -30, "America/Mexico_City"), "tiempo out of range");
        poison.put(usage(mal, "youtube.com", "2026-03-20T10:00:00Z", 7200, "America/Mexico_City"), "tiempo out of range");
        poison.put(usage(mal, "youtube.com", "2026-03-20T10:00:00Z", 60, "Marte/Olimpo"), "unknown time zone");
        poison.put(usage(mal, "x".repeat(300) + ".com", "2026-03-20T10:00:00Z", 60, "America/Mexico_City"), "dominio, device_id or tz longer");
        poison.put(usage(mal, "youtube.com", "+999999999-12-31T23:59:59Z", 60, "America/Mexico_City"), "fecha_hora more than");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(usage(i % 2 == 0 ? ana : ben, "github.com", "2026-03-20T10:" + String.format("%02d", i) + ":00Z", 10,
                    i % 2 == 0 ? "America/Mexico_City" : "Europe/Madrid"));
            if (i % 4 == 0) {
                sent.addAll(poison.keySet().stream().skip(i / 4).limit(1).toList());
            }
        }
        sent.addAll(poison.keySet());
        try (var producer = new KafkaProducer<String, String>(KafkaClients.config(
                ProducerConfig.LINGER_MS_CONFIG, "50"), new StringSerializer(), new StringSerializer())) {
            // One key for all of them: one partition, so the poison records sit in the very batches of the good ones.
            for (String record : sent) {
                producer.send(new ProducerRecord<>(system.eventsTopic, Long.toString(mal.id()), record));
            }
            producer.flush();
        }
        // And through ingest, after them.
        system.postEvents(ana, batch(List.of(event("duolingo.com", "2026-03-20T09:00:00-06:00", 33)))).then().statusCode(202);

        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            system.getUsage(ana, "/horario?dia=2026-03-20").then().statusCode(200).body("segundos", equalTo(15 * 10 + 33));
            system.getUsage(ben, "/horario?dia=2026-03-20").then().statusCode(200).body("segundos", equalTo(15 * 10));
        });
        given().baseUri(system.features.baseUrl()).get("/q/health/ready").then().statusCode(200);

        List<ConsumerRecord<String, String>> parked = readAll(system.deadLetterTopic, Long.toString(mal.id()), poison.size() * 2);
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<String, String> record : parked) {
            String reason = new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(poison.containsKey(record.value()), "only the poison records are parked: " + record.value());
            assertTrue(reason.startsWith(poison.get(record.value())), reason + " for " + record.value());
            copies.merge(record.value(), 1, Integer::sum);
        }
        // Each poison record was sent twice (within the stream and at its end) and each copy is parked.
        assertEquals(poison.size(), copies.size());
        copies.values().forEach(n -> assertEquals(2, n));

        try (Connection db = system.featureStore()) {
            for (String table : List.of("registro", "features_horarias", "features_diarias", "features_dias")) {
                assertEquals(0, count(db, "SELECT COUNT(*) FROM " + table + " WHERE usuario_id = " + mal.id()), table);
                assertEquals(0, count(db, "SELECT COUNT(*) FROM " + table + " WHERE dia < '2000-01-01'"), table);
            }
        }
    }

    @Test
    void aFeatureUpdateThatCannotBeEvaluatedIsParkedAndAlertsGoOn() {
        User eva = system.createUser("Eva", null);
        User mal = system.createUser("Mal", null);
        system.createLimit(mal, Map.of("dominio", "youtube.com", "segundos_diarios", 60));
        long limit = system.createLimit(eva, Map.of("dominio", "youtube.com", "segundos_diarios", 60));
        String beyondTheCalendar = "{\"schema_ver\":1,\"usuario_id\":" + mal.id() + ",\"dia\":\"+10000-01-01\","
                + "\"dominios\":{\"youtube.com\":600},\"categorias\":{\"Entretenimiento\":600},\"leido_en\":\"2026-03-21T10:00:00Z\"}";
        String negative = "{\"schema_ver\":1,\"usuario_id\":" + mal.id() + ",\"dia\":\"2026-03-21\","
                + "\"dominios\":{\"youtube.com\":-600},\"categorias\":{},\"leido_en\":\"2026-03-21T10:00:00Z\"}";
        try (var producer = new KafkaProducer<String, String>(KafkaClients.config(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(system.featureUpdatesTopic, Long.toString(mal.id()), beyondTheCalendar));
            producer.send(new ProducerRecord<>(system.featureUpdatesTopic, Long.toString(mal.id()), negative));
            producer.flush();
        }
        system.postEvents(eva, batch(List.of(event("youtube.com", "2026-03-21T10:00:00-06:00", 90)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.alerts(eva).get("/api/v1/alertas?dia=2026-03-21").then()
                .statusCode(200).body("limite_id", hasSize(1)).body("limite_id[0]", equalTo((int) limit))
                .body("nivel[0]", equalTo("exceso")));
        given().baseUri(system.alerts.get(0).baseUrl()).get("/q/health/ready").then().statusCode(200);

        List<ConsumerRecord<String, String>> parked = readAll(system.featureUpdatesDeadLetterTopic, Long.toString(mal.id()), 2);
        assertEquals(List.of(beyondTheCalendar, negative), parked.stream().map(ConsumerRecord::value).toList());
        assertNotNull(parked.get(0).headers().lastHeader("dead-letter-reason"));
        system.alerts(mal).get("/api/v1/alertas?dia=2026-03-21").then().body("size()", equalTo(0));
    }

    /** A usage event as ingest writes it, received now. */
    private static String usage(User user, String domain, String start, int seconds, String zone) {
        return "{\"schema_ver\":1,\"event_id\":\"" + UUID.randomUUID() + "\",\"usuario_id\":" + user.id()
                + ",\"device_id\":\"d-" + user.id() + "\",\"dominio\":\"" + domain + "\",\"fecha_hora\":\"" + start
                + "\",\"tiempo\":" + seconds + ",\"recibido_en\":\"" + Instant.now() + "\",\"tz\":\"" + zone + "\"}";
    }

    /**
     * The topic's records with the given key (other classes' records are there too), once at least
     * {@code expected} are there and no more come within a second.
     */
    private static List<ConsumerRecord<String, String>> readAll(String topic, String key, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(KafkaClients.config(
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Consumer<ConsumerRecord<String, String>> keep = record -> {
                if (key.equals(record.key())) {
                    records.add(record);
                }
            };
            await().atMost(VISIBLE_WITHIN).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(keep);
                return records.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(keep);
            return records;
        }
    }
}
