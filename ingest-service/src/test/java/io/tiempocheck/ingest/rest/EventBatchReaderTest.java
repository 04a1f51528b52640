package io.tiempocheck.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.ingest.service.BatchEntry;
import io.tiempocheck.ingest.service.BatchRefusedException;
import io.tiempocheck.ingest.service.EventBatch;
import io.tiempocheck.ingest.service.FieldValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
                "{\"eventos\": []}", "{\"eventos\": [" + valid + "]}", "{\"eventos\": [" + valid + "," + valid + "]}",
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
                "{\"eventos\": [\"unterminated]}", "{\"eventos\": []", "'x'", "nul",
                "{\"a\": " + "[".repeat(1200) + "]".repeat(1200) + "}");
        for (String body : bodies) {
            EventBatch expected;
            try {
                expected = fromTree(body);
            } catch (JsonProcessingException e) {
                BatchRefusedException refused = assertThrows(BatchRefusedException.class, () -> read(body), body);
                assertEquals(400, refused.status(), body);
                assertEquals("el cuerpo no es JSON válido: " + e.getOriginalMessage(), refused.getMessage(), body);
                continue;
            }
            assertEquals(expected, read(body), body);
        }
    }

    @Test
    void refusesWhatFollowsTheBatch() {
        for (String body : List.of("{\"eventos\": []} trailing", "{\"eventos\": []} {}", "{\"eventos\": []} ]",
                "{\"eventos\": []} 1", "{\"eventos\": []}{\"eventos\": []}", "{\"eventos\": []} \"x\"")) {
            BatchRefusedException refused = assertThrows(BatchRefusedException.class, () -> read(body), body);
            assertEquals(400, refused.status(), body);
        }
        assertEquals(new EventBatch(true, List.of()), read(" {\"eventos\": []} \n\r\t "));
    }

    @Test
    void readsOnlyUtf8() {
        // '?' marks where a byte no UTF-8 text can hold goes: 0xFF never, 0xC3 not before a quote.
        byte[] invalid = withByte("{\"eventos\": [{\"dominio\": \"a?.com\"}]}", (byte) 0xFF);
        byte[] truncatedSequence = withByte("{\"eventos\": [{\"dominio\": \"a?\"}]}", (byte) 0xC3);
        for (byte[] body : List.of(invalid, truncatedSequence, "{\"eventos\": []}".getBytes(StandardCharsets.UTF_16BE),
                "{\"eventos\": []}".getBytes(StandardCharsets.UTF_16), "{\"eventos\": []}".getBytes(StandardCharsets.UTF_16LE),
                "{\"eventos\": []}".getBytes(Charset.forName("UTF-32")))) {
            BatchRefusedException refused = assertThrows(BatchRefusedException.class, () -> reader.read(body));
            assertEquals(400, refused.status());
        }
        assertEquals(new EventBatch(true, List.of(new BatchEntry(true, FieldValue.ABSENT, FieldValue.text("ñandú.mx"), FieldValue.ABSENT, FieldValue.ABSENT))),
                read("{\"eventos\": [{\"dominio\": \"ñandú.mx\"}]}"));
    }

    private static byte[] withByte(String ascii, byte value) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        bytes[ascii.indexOf('?')] = value;
        return bytes;
    }

    private EventBatch read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    /** What EventValidator read from ObjectMapper.readTree before the body was read as a stream. */
    private EventBatch fromTree(String body) throws IOException {
        JsonNode root = mapper.readTree(body.getBytes(StandardCharsets.UTF_8));
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
