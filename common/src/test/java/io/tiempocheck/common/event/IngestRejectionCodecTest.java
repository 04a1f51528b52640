package io.tiempocheck.common.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rejections topic's one JSON form, written by ingest and read by features-service with the same record. */
class IngestRejectionCodecTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void roundTripsWithItsSpanishFieldNames() throws Exception {
        IngestRejection rejection = new IngestRejection(IngestRejection.SCHEMA_VERSION, 42, "fecha_hora", 3,
                Instant.parse("2026-12-03T09:15:00.250Z"));
        String json = mapper.writeValueAsString(rejection);
        assertEquals("{\"schema_ver\":1,\"usuario_id\":42,\"motivo\":\"fecha_hora\",\"cantidad\":3,\"momento\":\"2026-12-03T09:15:00.250Z\"}",
                json);
        assertEquals(rejection, mapper.readValue(json, IngestRejection.class));
    }
}
