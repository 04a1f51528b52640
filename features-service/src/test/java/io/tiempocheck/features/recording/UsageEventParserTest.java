package io.tiempocheck.features.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tiempocheck.common.event.UsageEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageEventParserTest {

    private static final String EVENT_ID = "3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String VALID = "{\"schema_ver\":1,\"event_id\":\"" + EVENT_ID + "\",\"usuario_id\":7,"
            + "\"device_id\":\"d-1\",\"dominio\":\"youtube.com\",\"fecha_hora\":\"2026-03-01T10:00:07-06:00\",\"tiempo\":60,"
            + "\"recibido_en\":\"2026-03-01T16:00:00.123456Z\",\"tz\":\"America/Mexico_City\"}";

    private final UsageEventParser parser = new UsageEventParser(new ObjectMapper(),
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsTheTopicContract() throws Exception {
        assertEquals(new UsageEvent(1, UUID.fromString(EVENT_ID), 7, "d-1", "youtube.com",
                        OffsetDateTime.parse("2026-03-01T10:00:07-06:00"), 60, Instant.parse("2026-03-01T16:00:00.123456Z"),
                        "America/Mexico_City"),
                parser.parse(bytes(VALID)));
    }

    @Test
    void readsWhatIngestWrites() throws Exception {
        ObjectMapper ingestMapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        UsageEvent sent = new UsageEvent(1, UUID.randomUUID(), 42, null, "bbc.co.uk",
                OffsetDateTime.parse("2026-11-27T23:59:30+01:00"), 3600, Instant.parse("2026-11-27T22:59:31.5Z"), "Europe/Madrid");
        assertEquals(sent, parser.parse(ingestMapper.writeValueAsBytes(sent)));
    }

    @Test
    void skipsFieldsItDoesNotKnowAndAcceptsAMissingDevice() throws Exception {
        String withExtras = VALID.replace("\"device_id\":\"d-1\",", "\"nuevo\":{\"a\":[1,2]},\"device_id\":null,");
        UsageEvent event = parser.parse(bytes(withExtras));
        assertEquals(null, event.deviceId());
        assertEquals("youtube.com", event.dominio());
    }

    @Test
    void refusesWhatTheFeatureStoreCannotUse() {
        assertRefused(null, "empty record");
        assertRefused("no es json", "not a usage event");
        assertRefused("[1]", "not a usage event");
        assertRefused(VALID.substring(0, VALID.length() - 10), "not a usage event");
        assertRefused(VALID.replace(EVENT_ID, "no-uuid"), "not a usage event");
        assertRefused(VALID.replace("\"tiempo\":60", "\"tiempo\":\"60\""), "not a usage event");
        assertRefused(VALID.replace("2026-03-01T10:00:07-06:00", "2026-03-01T10:00:07"), "not a usage event");
        assertRefused(VALID.replace("\"dominio\":\"youtube.com\",", ""), "missing field");
        assertRefused(VALID.replace("\"usuario_id\":7", "\"usuario_id\":0"), "missing field");
        assertRefused(VALID.replace("\"tiempo\":60", "\"tiempo\":3601"), "tiempo out of range");
        assertRefused(VALID.replace("\"schema_ver\":1", "\"schema_ver\":2"), "unknown schema_ver");
        assertRefused(VALID.replace("America/Mexico_City", "Marte/Olympus"), "unknown time zone");
    }

    @Test
    void refusesEventsThatIngestWouldRefuseOrTheTablesCannotHold() {
        assertRefused(VALID.replace("2026-03-01T10:00:07-06:00", "0000-01-01T00:00:00Z"), "fecha_hora before 2000-01-01");
        assertRefused(VALID.replace("2026-03-01T10:00:07-06:00", "-0001-12-31T00:00:00Z"), "fecha_hora before 2000-01-01");
        assertRefused(VALID.replace("2026-03-01T10:00:07-06:00", "1999-12-31T23:59:59Z"), "fecha_hora before 2000-01-01");
        assertRefused(VALID.replace("2026-03-01T10:00:07-06:00", "2026-03-02T16:00:01Z"), "fecha_hora more than 24 h after recibido_en");
        assertRefused(VALID.replace("2026-03-01T16:00:00.123456Z", "+999999999-12-31T00:00:00Z"), "recibido_en out of range");
        assertRefused(VALID.replace("2026-03-01T16:00:00.123456Z", "1970-01-01T00:00:00Z"), "recibido_en out of range");
        assertRefused(VALID.replace("\"tiempo\":60", "\"tiempo\":-5"), "tiempo out of range");
        assertRefused(VALID.replace("youtube.com", "a".repeat(250) + ".com"), "dominio, device_id or tz longer");
        assertRefused(VALID.replace("d-1", "d".repeat(65)), "dominio, device_id or tz longer");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefused(String payload, String reason) {
        InvalidEventException refused = assertThrows(InvalidEventException.class, () -> parser.parse(payload == null ? null : bytes(payload)));
        assertTrue(refused.getMessage().startsWith(reason), refused.getMessage());
    }
}
