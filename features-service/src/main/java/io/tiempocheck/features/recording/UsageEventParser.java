package io.tiempocheck.features.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.common.time.IsoTimestamps;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Reads a record of the usage-events topic and re-checks what the feature store relies on: a record
 * may come from an older ingest, a replay or a tool, so whatever ingest would refuse, or the tables
 * cannot hold, is refused here too (it goes to the dead-letter topic) instead of failing a batch.
 * Reads the JSON as a token stream straight into the event: data binding through the record's
 * creator was a quarter of the consumer's CPU.
 */
@ApplicationScoped
public class UsageEventParser {

    /** How far past its reception, and past this clock, an event may lie: clocks drift, years do not. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    // The widths of registro's columns.
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_DEVICE = 64;
    private static final int MAX_ZONE = 64;

    private final JsonFactory json;
    private final Clock clock;

    public UsageEventParser(ObjectMapper mapper, Clock clock) {
        this.json = mapper.getFactory();
        this.clock = clock;
    }

    public UsageEvent parse(byte[] payload) throws InvalidEventException {
        if (payload == null) {
            throw new InvalidEventException("empty record");
        }
        UsageEvent event;
        try (JsonParser parser = json.createParser(payload)) {
            event = read(parser);
        } catch (IOException | IllegalArgumentException | DateTimeException e) {
            throw new InvalidEventException("not a usage event: " + e.getMessage());
        }
        if (event.eventId() == null || event.dominio() == null || event.dominio().isBlank()
                || event.fechaHora() == null || event.recibidoEn() == null || event.tz() == null || event.usuarioId() <= 0) {
            throw new InvalidEventException("missing field in " + new String(payload, StandardCharsets.UTF_8));
        }
        if (event.tiempo() <= 0 || event.tiempo() > UsageEvent.MAX_SECONDS) {
            throw new InvalidEventException("tiempo out of range: " + event.tiempo());
        }
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        Instant start = event.fechaHora().toInstant();
        if (start.isBefore(UsageEvent.EARLIEST_START)) {
            throw new InvalidEventException("fecha_hora before " + UsageEvent.EARLIEST_START + ": " + event.fechaHora());
        }
        if (event.recibidoEn().isBefore(UsageEvent.EARLIEST_START) || event.recibidoEn().isAfter(latest)) {
            throw new InvalidEventException("recibido_en out of range: " + event.recibidoEn());
        }
        if (start.isAfter(event.recibidoEn().plus(FUTURE_TOLERANCE))) {
            throw new InvalidEventException("fecha_hora more than " + FUTURE_TOLERANCE.toHours() + " h after recibido_en: "
                    + event.fechaHora());
        }
        if (event.dominio().length() > MAX_DOMAIN || event.tz().length() > MAX_ZONE
                || event.deviceId() != null && event.deviceId().length() > MAX_DEVICE) {
            throw new InvalidEventException("dominio, device_id or tz longer than the feature store holds");
        }
        if (event.schemaVer() != UsageEvent.SCHEMA_VERSION) {
            throw new InvalidEventException("unknown schema_ver " + event.schemaVer());
        }
        try {
            ZoneId.of(event.tz());
        } catch (DateTimeException e) {
            throw new InvalidEventException("unknown time zone " + event.tz());
        }
        return event;
    }

    /** Fields the contract does not name are skipped, as data binding did; a field of the wrong type fails. */
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
