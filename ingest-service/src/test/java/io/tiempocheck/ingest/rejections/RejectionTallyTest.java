package io.tiempocheck.ingest.rejections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiempocheck.common.event.IngestRejection;
import io.tiempocheck.ingest.service.Rejection;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sums a flush publishes, and what happens to them when the broker does not take them. */
class RejectionTallyTest {

    private static final String TOPIC = "rejections";
    private static final Instant NOW = Instant.parse("2026-12-03T09:15:00Z");

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RejectionTally tally = tally(100);

    @Test
    void eachRejectedEventCountsOnceUnderItsFirstFieldAndAFlushSendsOneRecordPerUserAndReason() throws Exception {
        tally.countEvents(7, List.of(
                new Rejection(0, null, "dominio", "falta"), new Rejection(0, null, "tiempo", "falta"),
                new Rejection(3, null, "fecha_hora", "está en el futuro"),
                new Rejection(4, null, null, "el evento debe ser un objeto JSON"),
                new Rejection(5, null, "dominio", "no es un dominio")));
        tally.countRefusedBatch(7, IngestRejection.OVERSIZED_BATCH);

        assertEquals(2, counter("dominio"));
        assertEquals(0, counter("tiempo"));
        assertEquals(1, counter("fecha_hora"));
        assertEquals(1, counter(IngestRejection.NOT_AN_OBJECT));
        assertEquals(1, counter(IngestRejection.OVERSIZED_BATCH));

        tally.flush();
        Map<String, IngestRejection> sent = sent();
        assertEquals(4, sent.size());
        assertEquals(new IngestRejection(1, 7, "dominio", 2, NOW), sent.get("dominio"));
        assertEquals("7", producer.history().get(0).key());

        producer.clear();
        tally.flush();
        assertEquals(0, producer.history().size());
    }

    @Test
    void pastTheBoundNewKeysAreOnlyInTheMetric() throws Exception {
        RejectionTally bounded = tally(2);
        bounded.countRefusedBatch(1, IngestRejection.INVALID_BATCH);
        bounded.countRefusedBatch(2, IngestRejection.INVALID_BATCH);
        bounded.countRefusedBatch(3, IngestRejection.INVALID_BATCH);
        bounded.countRefusedBatch(1, IngestRejection.INVALID_BATCH);
        assertEquals(4, counter(IngestRejection.INVALID_BATCH));
        assertEquals(1, registry.counter("tiempocheck.ingest.rejected.unpublished").count());
        bounded.flush();
        assertEquals(List.of("1", "2"), producer.history().stream().map(ProducerRecord::key).sorted().toList());
    }

    @Test
    void countsTheProducerCannotTakeWaitForTheNextFlushAndUndeliveredOnesAreCountedLost() throws Exception {
        tally.countRefusedBatch(8, IngestRejection.INVALID_BATCH);
        producer.sendException = new KafkaException("no metadata");
        tally.flush();
        assertEquals(0, producer.history().size());
        tally.countRefusedBatch(8, IngestRejection.INVALID_BATCH);

        producer.sendException = null;
        tally.flush();
        assertEquals(2, sent().get(IngestRejection.INVALID_BATCH).cantidad());
        producer.errorNext(new KafkaException("delivery timed out"));
        assertEquals(2, registry.counter("tiempocheck.ingest.rejected.unpublished").count());
    }

    @Test
    void anUnknownReasonIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> tally.countRefusedBatch(1, "texto libre"));
    }

    private double counter(String reason) {
        return registry.counter("tiempocheck.ingest.rejected", "motivo", reason).count();
    }

    private Map<String, IngestRejection> sent() throws Exception {
        Map<String, IngestRejection> byReason = new HashMap<>();
        for (ProducerRecord<String, String> record : producer.history()) {
            assertEquals(TOPIC, record.topic());
            IngestRejection rejection = mapper.readValue(record.value(), IngestRejection.class);
            byReason.put(rejection.motivo(), rejection);
        }
        return byReason;
    }

    private RejectionTally tally(int maxPending) {
        return new RejectionTally(config(maxPending), Clock.fixed(NOW, ZoneOffset.UTC), new RejectionPublisher(producer, TOPIC, mapper),
                registry);
    }

    private static RejectionsConfig config(int maxPending) {
        return new RejectionsConfig() {
            @Override
            public String flushEvery() {
                return "off";
            }

            @Override
            public int maxPending() {
                return maxPending;
            }
        };
    }
}
