package io.tiempocheck.alerts.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;

/** A raised alert, as stored, as the stream sends it and as the API lists it. */
public record Alert(
        @JsonProperty("id") long id,
        @JsonIgnore long userId,
        @JsonProperty("limite_id") long limitId,
        @JsonProperty("categoria") String category,
        @JsonProperty("dominio") String domain,
        @JsonProperty("nivel") AlertLevel level,
        @JsonProperty("dia") LocalDate day,
        @JsonProperty("uso_segundos") long usedSeconds,
        @JsonProperty("limite_segundos") int limitSeconds,
        @JsonProperty("umbral_aviso") int warningPercent,
        @JsonProperty("creada_en") Instant createdAt,
        @JsonProperty("aceptada_en") Instant acceptedAt) {

    @JsonProperty("aceptada")
    public boolean accepted() {
        return acceptedAt != null;
    }
}
