package io.tiempocheck.ingest.service;

import io.quarkus.runtime.Startup;
import io.tiempocheck.common.domain.DomainNormalizer;
import io.tiempocheck.common.domain.InvalidDomainException;
import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.common.time.IsoTimestamps;
import io.tiempocheck.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a batch event by event. One bad event never sinks the others: each rejection names the
 * event's index, the field and the reason, in the user's language (Spanish).
 */
@ApplicationScoped
@Startup
public class EventValidator {

    private final IngestConfig config;
    private final Clock clock;

    public EventValidator(IngestConfig config, Clock clock) {
        if (config.maxSecondsPerEvent() < 1 || config.maxSecondsPerEvent() > UsageEvent.MAX_SECONDS) {
            throw new IllegalStateException("tiempocheck.ingest.max-seconds-per-event must lie in 1.." + UsageEvent.MAX_SECONDS
                    + " (UsageEvent.MAX_SECONDS); it is " + config.maxSecondsPerEvent());
        }
        this.config = config;
        this.clock = clock;
    }

    public ValidatedBatch validate(EventBatch body, Caller caller) {
        if (!body.isObject()) {
            throw new BatchRefusedException(400, null, "el cuerpo debe ser un objeto JSON {\"eventos\": [...]}");
        }
        List<BatchEntry> events = body.events();
        if (events == null) {
            throw new BatchRefusedException(400, "eventos", "falta la lista de eventos");
        }
        if (events.size() > config.maxEventsPerBatch()) {
            throw new BatchRefusedException(413, "eventos",
                    "como máximo " + config.maxEventsPerBatch() + " eventos por lote; llegaron " + events.size());
        }
        Instant now = clock.instant();
        Instant oldest = now.minus(config.maxAge());
        StartWindow window = new StartWindow(oldest.isBefore(UsageEvent.EARLIEST_START) ? UsageEvent.EARLIEST_START : oldest,
                now.plus(config.futureTolerance()));
        List<UsageEvent> accepted = new ArrayList<>(events.size());
        List<Rejection> rejected = new ArrayList<>();
        List<Rejection> duplicates = new ArrayList<>();
        // An id the batch already holds is stored once downstream: the copy is told apart here, so that
        // "aceptados" counts what is new and a second interval under the same id is not silently dropped.
        Map<UUID, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            EventCheck check = new EventCheck(i, events.get(i), rejected);
            UsageEvent event = check.toEvent(caller, now, window);
            if (event == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(event.eventId(), i);
            if (first == null) {
                accepted.add(event);
            } else {
                duplicates.add(new Rejection(i, check.rawEventId, "event_id",
                        "repite el event_id del evento " + first + " de este lote; solo cuenta el primero"));
            }
        }
        return new ValidatedBatch(accepted, rejected, duplicates);
    }

    /** The starts an event may have: from the oldest allowed to the clock plus its tolerance. */
    private record StartWindow(Instant earliest, Instant latest) {
    }

    /** Collects every problem of one event, so a client learns all of them at once. */
    private final class EventCheck {
        private final int index;
        private final BatchEntry entry;
        private final List<Rejection> rejected;
        private final String rawEventId;
        private boolean valid = true;

        EventCheck(int index, BatchEntry entry, List<Rejection> rejected) {
            this.index = index;
            this.entry = entry;
            this.rejected = rejected;
            this.rawEventId = entry.eventId().kind() == FieldValue.Kind.TEXT ? entry.eventId().text() : null;
        }

        UsageEvent toEvent(Caller caller, Instant now, StartWindow window) {
            if (!entry.isObject()) {
                reject(null, "el evento debe ser un objeto JSON");
                return null;
            }
            UUID eventId = eventId();
            String domain = domain();
            OffsetDateTime start = start(window);
            int seconds = seconds();
            if (!valid) {
                return null;
            }
            return new UsageEvent(UsageEvent.SCHEMA_VERSION, eventId, caller.userId(), caller.deviceId(), domain,
                    start, seconds, now, caller.timeZone().getId());
        }

        private UUID eventId() {
            String text = text("event_id", entry.eventId());
            if (text == null) {
                return null;
            }
            UUID id = CanonicalUuid.parse(text);
            if (id == null) {
                reject("event_id", "no es un UUID válido");
            }
            return id;
        }

        private String domain() {
            String text = text("dominio", entry.dominio());
            if (text == null) {
                return null;
            }
            try {
                return DomainNormalizer.normalize(text);
            } catch (InvalidDomainException e) {
                reject("dominio", e.getMessage());
                return null;
            }
        }

        private OffsetDateTime start(StartWindow window) {
            String text = text("fecha_hora", entry.fechaHora());
            if (text == null) {
                return null;
            }
            OffsetDateTime start;
            try {
                start = IsoTimestamps.parseOffsetDateTime(text);
            } catch (DateTimeParseException e) {
                reject("fecha_hora", isLocalDateTime(text)
                        ? "falta el desfase horario (por ejemplo 2026-11-27T10:00:00-06:00)"
                        : "no es una fecha ISO-8601 con desfase horario");
                return null;
            }
            if (start.toInstant().isAfter(window.latest())) {
                reject("fecha_hora", "está más de " + config.futureTolerance().toMinutes() + " minutos en el futuro");
                return null;
            }
            if (start.toInstant().isBefore(UsageEvent.EARLIEST_START)) {
                reject("fecha_hora", "es anterior al 2000-01-01");
                return null;
            }
            if (start.toInstant().isBefore(window.earliest())) {
                reject("fecha_hora", "tiene más de " + config.maxAge().toDays() + " días de antigüedad");
                return null;
            }
            return start;
        }

        private int seconds() {
            FieldValue value = entry.tiempo();
            if (value.isMissing()) {
                reject("tiempo", "falta");
                return 0;
            }
            if (value.kind() != FieldValue.Kind.INT) {
                reject("tiempo", "debe ser un número entero de segundos");
                return 0;
            }
            int seconds = value.number();
            if (seconds <= 0 || seconds > config.maxSecondsPerEvent()) {
                reject("tiempo", "debe estar entre 1 y " + config.maxSecondsPerEvent() + " segundos");
                return 0;
            }
            return seconds;
        }

        private String text(String field, FieldValue value) {
            if (value.isMissing()) {
                reject(field, "falta");
                return null;
            }
            if (value.kind() != FieldValue.Kind.TEXT) {
                reject(field, "debe ser texto");
                return null;
            }
            return value.text();
        }

        private void reject(String field, String reason) {
            valid = false;
            rejected.add(new Rejection(index, rawEventId, field, reason));
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
