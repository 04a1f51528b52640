package io.tiempocheck.common.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tiempocheck.common.time.IsoTimestamps;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads a record of the usage-events topic, the JSON {@link UsageEventWriter} writes (and Jackson's data
 * binding of {@link UsageEvent} too), as a token stream straight into the event: data binding through the
 * record's creator cost the consumer far more. Fields the contract does not name are skipped, as data
 * binding does; a field of the wrong type fails. Whether the event's values are acceptable is the reader's
 * caller's to check ({@link UsageEvent} holds the limits).
 */
public final class UsageEventReader {

    private final JsonFactory json;

    public UsageEventReader(JsonFactory json) {
        this.json = json;
    }

    /**
     * @throws IOException              not a JSON object, truncated, or a field of the wrong JSON type
     * @throws IllegalArgumentException an {@code event_id} that is not a UUID
     * @throws java.time.DateTimeException a {@code fecha_hora} or {@code recibido_en} that is not ISO-8601
     */
    public UsageEvent read(byte[] payload) throws IOException {
        try (JsonParser parser = json.createParser(payload)) {
            return read(parser);
        }
    }

    private static UsageEvent read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("not a JSON object");
        }
        int schemaVer = 0;
        UUID eventId = null;
        long userId = 0;
        String deviceId = null;
        String domain = null;
        OffsetDateTime start = null;
        int seconds = 0;
        Instant receivedAt = null;
        String zone = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "schema_ver" -> schemaVer = parser.getIntValue();
                case "event_id" -> eventId = UUID.fromString(text(parser));
                case "usuario_id" -> userId = parser.getLongValue();
                case "device_id" -> deviceId = text(parser);
                case "dominio" -> domain = text(parser);
                case "fecha_hora" -> start = IsoTimestamps.parseOffsetDateTime(text(parser));
                case "tiempo" -> seconds = parser.getIntValue();
                case "recibido_en" -> receivedAt = IsoTimestamps.parseInstant(text(parser));
                case "tz" -> zone = text(parser);
                default -> parser.skipChildren();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("truncated JSON object");
        }
        return new UsageEvent(schemaVer, eventId, userId, deviceId, domain, start, seconds, receivedAt, zone);
    }

    private static String text(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new IOException(parser.currentName() + " must be a string");
        }
        return parser.getText();
    }
}
