package io.tiempocheck.features.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.common.event.UsageEventReader;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Reads a record of the usage-events topic and re-checks what the feature store relies on: a record
 * may come from an older ingest, a replay or a tool, so whatever ingest would refuse, or the tables
 * cannot hold, is refused here too (it goes to the dead-letter topic) instead of failing a batch.
 * The JSON is the topic's one form, read by common's {@link UsageEventReader}; the limits ingest
 * applies too are {@link UsageEvent}'s.
 */
@ApplicationScoped
public class UsageEventParser {

    /** How far past its reception, and past this clock, an event may lie: clocks drift, years do not. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    // The widths of registro's columns.
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_DEVICE = 64;
    private static final int MAX_ZONE = 64;

    private final UsageEventReader reader;
    private final Clock clock;

    public UsageEventParser(ObjectMapper mapper, Clock clock) {
        this.reader = new UsageEventReader(mapper.getFactory());
        this.clock = clock;
    }

    public UsageEvent parse(byte[] payload) throws InvalidEventException {
        if (payload == null) {
            throw new InvalidEventException("empty record");
        }
        UsageEvent event;
        try {
            event = reader.read(payload);
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
}
