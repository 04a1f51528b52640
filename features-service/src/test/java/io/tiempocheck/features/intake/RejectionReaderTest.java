package io.tiempocheck.features.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tiempocheck.common.event.IngestRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a record of the rejections topic must say to be summed; anything else is skipped, never a failed batch. */
class RejectionReaderTest {

    /** As Quarkus configures it: java.time as ISO-8601, unknown fields ignored. */
    private final RejectionReader reader = new RejectionReader(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    @Test
    void readsWhatIngestWritesAndReasonsItAddsLater() {
        assertEquals(new IngestRejection(1, 42, "fecha_hora", 3, Instant.parse("2026-12-03T09:15:00Z")),
                reader.read("{\"schema_ver\":1,\"usuario_id\":42,\"motivo\":\"fecha_hora\",\"cantidad\":3,\"momento\":\"2026-12-03T09:15:00Z\"}"));
        assertEquals("motivo_nuevo", reader.read("{\"schema_ver\":2,\"usuario_id\":42,\"motivo\":\"motivo_nuevo\",\"cantidad\":1,"
                + "\"momento\":\"2026-12-03T09:15:00Z\",\"extra\":true}").motivo());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{\"usuario_id\":42,\"motivo\":\"dominio\",\"cantidad\":1}",
            "{\"usuario_id\":0,\"motivo\":\"dominio\",\"cantidad\":1,\"momento\":\"2026-12-03T09:15:00Z\"}",
            "{\"usuario_id\":42,\"motivo\":\"\",\"cantidad\":1,\"momento\":\"2026-12-03T09:15:00Z\"}",
            "{\"usuario_id\":42,\"motivo\":\"un_motivo_de_mas_de_treinta_y_dos_letras\",\"cantidad\":1,\"momento\":\"2026-12-03T09:15:00Z\"}",
            "{\"usuario_id\":42,\"motivo\":\"dominio\",\"cantidad\":-5,\"momento\":\"2026-12-03T09:15:00Z\"}",
            "{\"usuario_id\":42,\"motivo\":\"dominio\",\"cantidad\":1,\"momento\":\"1970-01-01T00:00:00Z\"}",
            "{\"usuario_id\":42,\"motivo\":\"dominio\",\"cantidad\":1,\"momento\":\"+20000-01-01T00:00:00Z\"}",
            "{\"usuario_id\":\"42\",\"motivo\":7,\"cantidad\":1,\"momento\":\"ayer\"}"})
    void skipsWhatIsNotARejection(String payload) {
        assertNull(reader.read(payload));
    }

    @Test
    void skipsARecordWithoutAValue() {
        assertNull(reader.read(null));
    }
}
