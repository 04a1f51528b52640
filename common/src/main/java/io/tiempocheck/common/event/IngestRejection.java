package io.tiempocheck.common.event;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Set;

/**
 * What ingest-service refused of one user within one hour for one reason, as it publishes it on
 * {@code tiempocheck.ingest-rejections.v1} (key = usuario_id) for features-service's data-quality checks.
 * Increments, not totals: a consumer adds each record once (features-service keys what it applied by
 * partition and offset).
 *
 * @param motivo   one of {@link #REASONS}: the field an event was rejected for, or the kind of a whole batch refused
 * @param cantidad events rejected for that reason (for a whole batch refused: batches)
 * @param momento  the last rejection counted in the record; every rejection of a record falls in the same UTC hour
 */
public record IngestRejection(
        @JsonProperty("schema_ver") int schemaVer,
        @JsonProperty("usuario_id") long usuarioId,
        @JsonProperty("motivo") String motivo,
        @JsonProperty("cantidad") long cantidad,
        @JsonProperty("momento") Instant momento) {

    public static final int SCHEMA_VERSION = 1;

    /** An element of "eventos" that is not a JSON object. */
    public static final String NOT_AN_OBJECT = "evento";
    /** A body that is not JSON, not an object, has no "eventos" list or is not UTF-8 (400). */
    public static final String INVALID_BATCH = "lote_invalido";
    /** More events than a batch may hold, or a body over the size limit (413). */
    public static final String OVERSIZED_BATCH = "lote_demasiado_grande";
    /** A body that is not declared application/json in UTF-8 (415). */
    public static final String WRONG_CONTENT_TYPE = "lote_tipo_contenido";

    /**
     * Every reason there is: an event's fields (each rejected event counts once, under the first field it fails
     * on), a non-object element, and the three whole-batch refusals. A bounded set, so it can be a metric tag.
     */
    public static final Set<String> REASONS = Set.of("event_id", "dominio", "fecha_hora", "tiempo", NOT_AN_OBJECT,
            INVALID_BATCH, OVERSIZED_BATCH, WRONG_CONTENT_TYPE);
}
