package io.tiempocheck.features.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.common.event.IngestRejection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Reads a record of the rejections topic, or refuses it: only what the table can hold and the checks can trust (a
 * user, a short reason, a positive count, a time a DATETIME holds) gets through, so no record can fail its batch
 * in the database. A reason ingest added later than this service is kept as it came.
 */
@ApplicationScoped
public class RejectionReader {

    private static final int MAX_REASON_LENGTH = 32;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    private final ObjectMapper mapper;

    public RejectionReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The rejection, or null when the payload is not one. */
    public IngestRejection read(String payload) {
        if (payload == null) {
            return null;
        }
        IngestRejection rejection;
        try {
            rejection = mapper.readValue(payload, IngestRejection.class);
        } catch (JsonProcessingException e) {
            return null;
        }
        return rejection != null && valid(rejection) ? rejection : null;
    }

    private static boolean valid(IngestRejection rejection) {
        return rejection.usuarioId() > 0 && rejection.cantidad() > 0 && rejection.motivo() != null && !rejection.motivo().isEmpty()
                && rejection.motivo().length() <= MAX_REASON_LENGTH && rejection.momento() != null
                && rejection.momento().isAfter(EARLIEST) && rejection.momento().isBefore(LATEST);
    }
}
