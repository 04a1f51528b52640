package io.tiempocheck.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.ingest.config.IngestConfig;
import io.tiempocheck.ingest.rest.EventBatchReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventValidatorTest {

    private static final Caller ANA = new Caller(7, "device-1", ZoneId.of("America/Mexico_City"));
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final EventBatchReader reader = new EventBatchReader(new ObjectMapper());

    private EventBatch read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }
    private final EventValidator validator = new EventValidator(new TestConfig(), NOW);

    @Test
    void acceptsAValidEventAndNormalizesItsDomain() throws Exception {
        var batch = validator.validate(read("""
                {"eventos": [{"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000001", "dominio": "https://m.youtube.com/x",
                              "fecha_hora": "2026-11-27T05:59:00-06:00", "tiempo": 60}]}"""), ANA);
        assertEquals(0, batch.rejected().size());
        var event = batch.accepted().get(0);
        assertEquals("youtube.com", event.dominio());
        assertEquals(7, event.usuarioId());
        assertEquals("device-1", event.deviceId());
        assertEquals("America/Mexico_City", event.tz());
        assertEquals(Instant.parse("2026-11-27T12:00:00Z"), event.recibidoEn());
    }

    @Test
    void anEventExactlyAtTheFutureToleranceIsAcceptedAndOneSecondMoreIsNot() throws Exception {
        var batch = validator.validate(read("""
                {"eventos": [{"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000001", "dominio": "a.com", "fecha_hora": "2026-11-27T12:05:00Z", "tiempo": 1},
                             {"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000002", "dominio": "a.com", "fecha_hora": "2026-11-27T12:05:01Z", "tiempo": 1}]}"""), ANA);
        assertEquals(1, batch.accepted().size());
        assertEquals(1, batch.rejected().get(0).index());
    }

    @Test
    void startsBefore2000OrOlderThanTheMaximumAgeAreRefusedEachWithItsReason() throws Exception {
        var batch = validator.validate(read("""
                {"eventos": [{"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000001", "dominio": "a.com", "fecha_hora": "0000-01-01T00:00:00Z", "tiempo": 1},
                             {"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000002", "dominio": "a.com", "fecha_hora": "-0001-12-31T23:00:00Z", "tiempo": 1},
                             {"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000003", "dominio": "a.com", "fecha_hora": "1999-12-31T23:59:59Z", "tiempo": 1},
                             {"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000004", "dominio": "a.com", "fecha_hora": "2025-10-23T11:59:59Z", "tiempo": 1},
                             {"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000005", "dominio": "a.com", "fecha_hora": "2025-10-23T12:00:00Z", "tiempo": 1},
                             {"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000006", "dominio": "a.com", "fecha_hora": "+10000-01-01T00:00:00Z", "tiempo": 1}]}"""), ANA);
        assertEquals(1, batch.accepted().size());
        assertEquals(Instant.parse("2025-10-23T12:00:00Z"), batch.accepted().get(0).fechaHora().toInstant());
        assertEquals(new Rejection(0, "3f1c2a34-1111-4a5b-9c1d-000000000001", "fecha_hora", "es anterior al 2000-01-01"), batch.rejected().get(0));
        assertEquals("es anterior al 2000-01-01", batch.rejected().get(1).reason());
        assertEquals("es anterior al 2000-01-01", batch.rejected().get(2).reason());
        assertEquals(new Rejection(3, "3f1c2a34-1111-4a5b-9c1d-000000000004", "fecha_hora", "tiene más de 400 días de antigüedad"),
                batch.rejected().get(3));
        assertEquals(new Rejection(5, "3f1c2a34-1111-4a5b-9c1d-000000000006", "fecha_hora", "está más de 5 minutos en el futuro"),
                batch.rejected().get(4));
    }

    @Test
    void aSecondEventWithTheSameIdIsNotAcceptedAndIsListedApartWithTheIndexOfTheFirst() throws Exception {
        var batch = validator.validate(read("""
                {"eventos": [{"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000001", "dominio": "a.com", "fecha_hora": "2026-11-27T10:00:00Z", "tiempo": 5},
                             {"event_id": "3f1c2a34-1111-4a5b-9c1d-000000000002", "dominio": "a.com", "fecha_hora": "2026-11-27T10:01:00Z", "tiempo": 5},
                             {"event_id": "3F1C2A34-1111-4A5B-9C1D-000000000001", "dominio": "b.com", "fecha_hora": "2026-11-27T10:02:00Z", "tiempo": 50}]}"""), ANA);
        assertEquals(2, batch.accepted().size());
        assertEquals(5, batch.accepted().get(0).tiempo());
        assertEquals(0, batch.rejected().size());
        assertEquals(List.of(new Rejection(2, "3F1C2A34-1111-4A5B-9C1D-000000000001", "event_id",
                "repite el event_id del evento 0 de este lote; solo cuenta el primero")), batch.duplicates());
    }

    @Test
    void reportsEveryProblemOfAnEvent() throws Exception {
        var batch = validator.validate(read("""
                {"eventos": [{"event_id": 5, "dominio": "localhost", "tiempo": 1.5}, "texto"]}"""), ANA);
        assertEquals(0, batch.accepted().size());
        assertEquals(5, batch.rejected().size());
        assertEquals(new Rejection(0, null, "event_id", "debe ser texto"), batch.rejected().get(0));
        assertEquals(new Rejection(0, null, "dominio", "localhost no es un sitio público"), batch.rejected().get(1));
        assertEquals(new Rejection(0, null, "fecha_hora", "falta"), batch.rejected().get(2));
        assertEquals(new Rejection(0, null, "tiempo", "debe ser un número entero de segundos"), batch.rejected().get(3));
        assertEquals(new Rejection(1, null, null, "el evento debe ser un objeto JSON"), batch.rejected().get(4));
    }

    @Test
    void refusesABatchWithoutAListOfEventsOrWithTooMany() throws Exception {
        assertEquals(400, assertThrows(BatchRefusedException.class, () -> validator.validate(read("[]"), ANA)).status());
        assertEquals(400, assertThrows(BatchRefusedException.class, () -> validator.validate(read("{\"eventos\": {}}"), ANA)).status());
        String tooMany = "{\"eventos\": [" + "{},".repeat(500) + "{}]}";
        assertEquals(413, assertThrows(BatchRefusedException.class, () -> validator.validate(read(tooMany), ANA)).status());
    }

    private static final class TestConfig implements IngestConfig {
        @Override
        public int maxEventsPerBatch() {
            return 500;
        }

        @Override
        public int maxSecondsPerEvent() {
            return 3600;
        }

        @Override
        public Duration futureTolerance() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration maxAge() {
            return Duration.ofDays(400);
        }

        @Override
        public Duration tokenValidity() {
            return Duration.ofDays(365);
        }

        @Override
        public ZoneId defaultTimeZone() {
            return ZoneId.of("America/Mexico_City");
        }
    }
}
