package io.tiempocheck.ingest.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.ingest.service.Rejection;
import io.tiempocheck.ingest.service.ValidatedBatch;

import java.util.List;

/**
 * The answer to a batch: how many events are new in it (what the broker now holds), the invalid ones,
 * and apart from them the copies of an event_id already in the batch, which count once.
 */
public record BatchResponse(
        @JsonProperty("aceptados") int accepted,
        @JsonProperty("rechazados") List<Rejection> rejected,
        @JsonProperty("duplicados") int duplicateCount,
        @JsonProperty("duplicados_detalle") List<Rejection> duplicates) {

    public static BatchResponse of(ValidatedBatch batch) {
        return new BatchResponse(batch.accepted().size(), batch.rejected(), batch.duplicates().size(), batch.duplicates());
    }
}
