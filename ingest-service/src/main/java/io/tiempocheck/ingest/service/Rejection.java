package io.tiempocheck.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why one event of a batch was not accepted: its position, the offending field and the reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(
        @JsonProperty("indice") int index,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("campo") String field,
        @JsonProperty("motivo") String reason) {
}
