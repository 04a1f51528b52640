package io.tiempocheck.ingest.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.ingest.service.BatchEntry;
import io.tiempocheck.ingest.service.BatchRefusedException;
import io.tiempocheck.ingest.service.EventBatch;
import io.tiempocheck.ingest.service.FieldValue;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch body as a token stream, keeping of each event only the fields the contract knows.
 * It reads the same documents as {@code ObjectMapper.readTree} did (the whole root value, the same
 * parser and its errors, the last of duplicate fields wins) without building a tree of nodes per
 * event, which was costly. Unlike readTree it refuses anything after the root value, and it reads
 * the bytes as they came: UTF-8 only (RFC 8259), so an invalid byte is refused by the parser
 * instead of becoming a replacement character, and a UTF-16 or UTF-32 body (which Jackson would
 * otherwise detect from its zero bytes) is refused as not UTF-8.
 */
@ApplicationScoped
public class EventBatchReader {

    private final ObjectMapper mapper;

    public EventBatchReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventBatch read(byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!utf8(bytes)) {
            throw new BatchRefusedException(400, null, "el cuerpo debe ir en UTF-8");
        }
        // Through the mapper, so that its parser features apply as they did to readTree.
        try (JsonParser parser = mapper.createParser(bytes)) {
            JsonToken root = parser.nextToken();
            if (root != JsonToken.START_OBJECT) {
                // Read to its end all the same: a broken document is refused as not JSON.
                parser.skipChildren();
                return EventBatch.NOT_AN_OBJECT;
            }
            List<BatchEntry> events = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("eventos")) {
                    events = value == JsonToken.START_ARRAY ? entries(parser) : skip(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new BatchRefusedException(400, null, "hay texto después del objeto JSON");
            }
            return new EventBatch(true, events);
        } catch (JsonProcessingException e) {
            throw new BatchRefusedException(400, null, "el cuerpo no es JSON válido: " + e.getOriginalMessage());
        } catch (IOException e) {
            // An array in memory has no I/O of its own.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JSON text starts with an ASCII character, so UTF-16 and UTF-32 show a zero byte in its first
     * four bytes, or a byte-order mark; Jackson would take either as the body's encoding.
     */
    private static boolean utf8(byte[] body) {
        if (body.length >= 2 && ((body[0] & 0xFF) == 0xFE || (body[0] & 0xFF) == 0xFF)) {
            return false;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static List<BatchEntry> entries(JsonParser parser) throws IOException {
        List<BatchEntry> entries = new ArrayList<>();
        // The parser itself refuses a list cut short; null only guards against looping on a closed parser.
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT) {
                entries.add(entry(parser));
            } else {
                parser.skipChildren();
                entries.add(BatchEntry.NOT_AN_OBJECT);
            }
        }
        return entries;
    }

    private static BatchEntry entry(JsonParser parser) throws IOException {
        FieldValue eventId = FieldValue.ABSENT;
        FieldValue dominio = FieldValue.ABSENT;
        FieldValue fechaHora = FieldValue.ABSENT;
        FieldValue tiempo = FieldValue.ABSENT;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "event_id" -> eventId = value(parser, token);
                case "dominio" -> dominio = value(parser, token);
                case "fecha_hora" -> fechaHora = value(parser, token);
                case "tiempo" -> tiempo = value(parser, token);
                default -> parser.skipChildren();
            }
        }
        return new BatchEntry(true, eventId, dominio, fechaHora, tiempo);
    }

    private static FieldValue value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> FieldValue.text(parser.getText());
            case VALUE_NULL -> FieldValue.NULL;
            // A tree would have held a long or a big integer otherwise: whole, but not an int.
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.INT ? FieldValue.integer(parser.getIntValue()) : FieldValue.OTHER;
            default -> {
                parser.skipChildren();
                yield FieldValue.OTHER;
            }
        };
    }

    private static List<BatchEntry> skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }
}
