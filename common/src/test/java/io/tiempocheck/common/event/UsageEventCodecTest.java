package io.tiempocheck.common.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The topic's one JSON form: {@link UsageEventWriter} writes byte for byte what Jackson's data binding of
 * {@link UsageEvent} writes, and {@link UsageEventReader} reads both back into the same event.
 */
class UsageEventCodecTest {

    /** The ObjectMapper as Quarkus configures it: java.time as ISO-8601 text. */
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final UsageEventReader reader = new UsageEventReader(mapper.getFactory());

    @Test
    void writesTheSameDocumentAsDataBinding() throws Exception {
        Instant batch = Instant.parse("2026-03-01T16:00:00.123456Z");
        List<UsageEvent> events = List.of(
                new UsageEvent(1, UUID.randomUUID(), 7, "d-1", "youtube.com", OffsetDateTime.parse("2026-03-01T10:00:00-06:00"), 60, batch,
                        "America/Mexico_City"),
                new UsageEvent(1, UUID.randomUUID(), 7, "d-1", "bbc.co.uk", OffsetDateTime.parse("2026-03-01T10:59:30.5+05:30"), 3600, batch,
                        "America/Mexico_City"),
                new UsageEvent(1, UUID.randomUUID(), 42, null, "xn--bcher-kva.de", OffsetDateTime.parse("2026-11-27T23:59:59Z"), 1,
                        Instant.parse("2026-11-27T23:59:59Z"), "Europe/Madrid"),
                new UsageEvent(1, UUID.randomUUID(), 8, "quote\"d\\", "github.com", OffsetDateTime.parse("2026-03-01T10:00:07.000001-06:00"), 5,
                        Instant.parse("2026-11-27T23:59:59.1Z"), "America/Mexico_City"),
                new UsageEvent(2, UUID.randomUUID(), -3, "tab\tnew\nline\u0001\u001f\u007f ñ 😀 日本", null,
                        OffsetDateTime.parse("0000-01-01T00:00:00.100-00:30"), 0, Instant.parse("1970-01-01T00:00:00Z"), null),
                new UsageEvent(1, UUID.randomUUID(), Long.MAX_VALUE, "d", "bücher.de", OffsetDateTime.parse("+10000-03-01T10:00:00+14:00"),
                        Integer.MAX_VALUE, batch, "Etc/GMT+12"),
                new UsageEvent(1, UUID.randomUUID(), 7, "d", "a.com", OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.ofTotalSeconds(-3723)), 1,
                        batch, "America/Mexico_City"));
        UsageEventWriter writer = new UsageEventWriter();
        for (UsageEvent event : events) {
            assertWrittenAsDataBinding(writer, event);
        }
    }

    /** Many events through one writer, as a batch: the shared fields change now and then, times are anything. */
    @Test
    void writesAnyTimeAndAnyChangeOfSharedFieldsAsDataBinding() throws Exception {
        Random random = new Random(27);
        UsageEventWriter writer = new UsageEventWriter();
        Instant received = Instant.parse("2026-11-27T12:00:00Z");
        List<String> devices = new ArrayList<>(List.of("device-1", "dévice", "d\"2"));
        for (int i = 0; i < 20_000; i++) {
            if (random.nextInt(100) == 0) {
                received = received.plusNanos(random.nextInt(1_000_000_000));
            }
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60);
            OffsetDateTime start = OffsetDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos, offset);
            UsageEvent event = new UsageEvent(1, UUID.randomUUID(), random.nextInt(3), devices.get(random.nextInt(devices.size())),
                    "site-" + random.nextInt(10) + ".com", start, 1 + random.nextInt(3600), received, "America/Mexico_City");
            assertWrittenAsDataBinding(writer, event);
        }
    }

    /** Events a browser can send, through one writer: each comes back whole from both forms. */
    @Test
    void readsBackWhatTheWriterAndDataBindingWrite() throws Exception {
        UsageEventWriter writer = new UsageEventWriter();
        Instant batch = Instant.parse("2026-03-01T16:00:00.123456Z");
        for (UsageEvent event : List.of(
                new UsageEvent(1, UUID.randomUUID(), 7, "d-1", "youtube.com", OffsetDateTime.parse("2026-03-01T10:00:00-06:00"),
                        UsageEvent.MAX_SECONDS, batch, "America/Mexico_City"),
                new UsageEvent(1, UUID.randomUUID(), 7, null, "bücher.de", OffsetDateTime.parse("2026-03-01T10:59:30.5+05:30"), 1,
                        batch, "Asia/Kolkata"),
                new UsageEvent(1, UUID.randomUUID(), 8, "quote\"d\\ ñ 😀", "github.com",
                        OffsetDateTime.parse("2026-03-01T10:00:07.000001Z"), 5, Instant.parse("2026-11-27T23:59:59.1Z"), "UTC"))) {
            assertEquals(event, reader.read(writer.value(event)));
            assertEquals(event, reader.read(mapper.writeValueAsBytes(event)));
        }
    }

    @Test
    void skipsFieldsTheContractDoesNotNameAndRefusesWhatIsNotAnEvent() throws Exception {
        UsageEvent event = reader.read(("{\"schema_ver\":1,\"extra\":{\"a\":[1,2]},\"usuario_id\":3,\"tiempo\":60,"
                + "\"device_id\":null}").getBytes(StandardCharsets.UTF_8));
        assertEquals(new UsageEvent(1, null, 3, null, null, null, 60, null, null), event);
        for (String bad : List.of("[]", "{\"usuario_id\":\"3\"}", "{\"dominio\":7}", "{\"tiempo\":60")) {
            assertThrows(IOException.class, () -> reader.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        assertThrows(IllegalArgumentException.class,
                () -> reader.read("{\"event_id\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private void assertWrittenAsDataBinding(UsageEventWriter writer, UsageEvent event) throws Exception {
        assertEquals(mapper.writeValueAsString(event), new String(writer.value(event), StandardCharsets.UTF_8));
        assertEquals(Long.toString(event.usuarioId()), new String(writer.key(event), StandardCharsets.UTF_8));
    }
}
