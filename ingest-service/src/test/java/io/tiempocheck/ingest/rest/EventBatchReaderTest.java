package io.tiempocheck.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.ingest.service.BatchEntry;
import io.tiempocheck.ingest.service.BatchRefusedException;
import io.tiempocheck.ingest.service.EventBatch;
import io.tiempocheck.ingest.service.FieldValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming reader sees in a body exactly what validation used to read from its JSON tree. */
class EventBatchReaderTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventBatchReader reader = new EventBatchReader(mapper);

    @Test
    void readsWhatTheTreeHeld() throws Exception {
        String valid = "{\"event_id\":\"3f1c2a34-1111-4a5b-9c1d-000000000001\",\"dominio\":\"a.com\",\"fecha_hora\":\"2026-11-27T12:05:00Z\",\"tiempo\":60}";
        List<String> bodies = List.of(
                "", "   ", "null", "1", "\"eventos\"", "[]", "[{\"eventos\": []}]", "true",
                "{}", "{\"eventos\": null}", "{\"eventos\": {}}", "{\"eventos\": \"x\"}", "{\"eventos\": 5}",
                "{\"eventos\": []}", "{\"eventos\": [" + valid + "]}", "{\"eventos\": [" + valid + "," + valid + "]} trailing",
                "{\"otro\": {\"eventos\": [1]}, \"eventos\": [" + valid + "], \"mas\": [[{}]]}",
                "{\"eventos\": [1], \"eventos\": [" + valid + "]}", "{\"eventos\": [" + valid + "], \"eventos\": 3}",
                "{\"eventos\": [null, 1, \"x\", [], [" + valid + "], true, {}, {\"x\": 1}]}",
                "{\"eventos\": [{\"event_id\": 5, \"dominio\": null, \"fecha_hora\": true, \"tiempo\": \"60\"}]}",
                "{\"eventos\": [{\"event_id\": {\"a\": [1]}, \"dominio\": [\"a.com\"], \"fecha_hora\": 1.5, \"tiempo\": {}}]}",
                "{\"eventos\": [{\"tiempo\": 1.0}, {\"tiempo\": 1e2}, {\"tiempo\": -7}, {\"tiempo\": 0}, {\"tiempo\": 2147483647},"
                        + " {\"tiempo\": 2147483648}, {\"tiempo\": -2147483649}, {\"tiempo\": 99999999999999999999999}, {\"tiempo\": null},"
                        + " {\"tiempo\": false}, {\"tiempo\": [60]}, {\"tiempo\": -0}]}",
                "{\"eventos\": [{\"event_id\": \"a\", \"event_id\": \"b\", \"tiempo\": 1, \"tiempo\": \"x\", \"dominio\": \"\\u00f1\\n.com\"}]}",
                "{\"eventos\": [{\"Dominio\": \"a.com\", \"event_id \": \"x\", \"fecha_hora\": \"\"}]}",
                // Not JSON: each must be refused with the parser's own message, as the tree's reading was.
                "{", "{\"eventos\": [", "{\"eventos\": [" + valid, "{\"eventos\": [" + valid + ",]}", "{\"eventos\": [{\"a\" 1}]}",
                "{eventos: []}", "{\"eventos\": [tru]}", "{\"eventos\": [01]}", "{\"eventos\": [{\"tiempo\": NaN}]}", "[1, 2",
                "{\"eventos\": [\"unterminated]}", "{\"eventos\": []", "{\"eventos\": [{}]} ]", "'x'", "nul",
                "{\"a\": " + "[".repeat(1200) + "]".repeat(1200) + "}");
        for (String body : bodies) {
            EventBatch expected;
            try {
                expected = fromTree(body);
            } catch (JsonProcessingException e) {
                BatchRefusedException refused = assertThrows(BatchRefusedException.class, () -> reader.read(body), body);
                assertEquals(400, refused.status(), body);
                assertEquals("el cuerpo no es JSON válido: " + e.getOriginalMessage(), refused.getMessage(), body);
                continue;
            }
            assertEquals(expected, reader.read(body), body);
        }
    }

    /** What EventValidator read from ObjectMapper.readTree before the body was read as a stream. */
    private EventBatch fromTree(String body) throws JsonProcessingException {
        JsonNode root = mapper.readTree(body);
        if (root == null || !root.isObject()) {
            return EventBatch.NOT_AN_OBJECT;
        }
        JsonNode events = root.get("eventos");
        if (events == null || !events.isArray()) {
            return new EventBatch(true, null);
        }
        List<BatchEntry> entries = new ArrayList<>();
        for (JsonNode node : events) {
            entries.add(node.isObject()
                    ? new BatchEntry(true, field(node.get("event_id")), field(node.get("dominio")), field(node.get("fecha_hora")), field(node.get("tiempo")))
                    : BatchEntry.NOT_AN_OBJECT);
        }
        return new EventBatch(true, entries);
    }

    private static FieldValue field(JsonNode value) {
        if (value == null) {
            return FieldValue.ABSENT;
        }
        if (value.isNull()) {
            return FieldValue.NULL;
        }
        if (value.isTextual()) {
            return FieldValue.text(value.asText());
        }
        return value.isIntegralNumber() && value.canConvertToInt() ? FieldValue.integer(value.intValue()) : FieldValue.OTHER;
    }
}
