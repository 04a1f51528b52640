package io.tiempocheck.features.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.common.event.UsageEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Reads a record of the usage-events topic and re-checks what the feature store relies on. */
@ApplicationScoped
public class UsageEventParser {

    private static final int MAX_SECONDS = 3600;

    private final ObjectMapper mapper;

    public UsageEventParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public UsageEvent parse(String payload) throws InvalidEventException {
        if (payload == null) {
            throw new InvalidEventException("empty record");
        }
        UsageEvent event;
        try {
            event = mapper.readValue(payload, UsageEvent.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a usage event: " + e.getOriginalMessage());
        }
        if (event.eventId() == null || event.dominio() == null || event.dominio().isBlank()
                || event.fechaHora() == null || event.recibidoEn() == null || event.tz() == null || event.usuarioId() <= 0) {
            throw new InvalidEventException("missing field in " + payload);
        }
        if (event.tiempo() <= 0 || event.tiempo() > MAX_SECONDS) {
            throw new InvalidEventException("tiempo out of range: " + event.tiempo());
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
