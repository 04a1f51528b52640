package io.tiempocheck.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tiempocheck.common.event.UsageEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsageEventSerializerTest {

    /** The ObjectMapper as Quarkus configures it: java.time as ISO-8601 text. */
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final UsageEventSerializer serializer = new UsageEventSerializer(mapper.getFactory());

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
                        Instant.parse("2026-11-27T23:59:59.1Z"), "America/Mexico_City"));
        for (UsageEvent event : events) {
            assertEquals(mapper.writeValueAsString(event), new String(serializer.serialize("t", event), StandardCharsets.UTF_8));
        }
    }
}
