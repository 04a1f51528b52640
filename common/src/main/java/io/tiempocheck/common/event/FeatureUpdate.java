package io.tiempocheck.common.event;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The day's new totals for what a committed batch touched, as features-service publishes them on
 * {@code tiempocheck.feature-updates.v1} (key = usuario_id). Totals, not increments: a redelivered
 * or repeated update says the same thing again, so consumers may act on it any number of times.
 *
 * @param dia        the user-local day the totals belong to
 * @param dominios   seconds of the whole day for each domain the batch touched
 * @param categorias seconds of the whole day for each category of those domains (all its domains summed)
 * @param leidoEn    when features-service handed the update to the producer, right after the batch committed; the
 *                   totals are read in the batch's transaction after its writes, so they are what it committed
 */
public record FeatureUpdate(
        @JsonProperty("schema_ver") int schemaVer,
        @JsonProperty("usuario_id") long usuarioId,
        @JsonProperty("dia") LocalDate dia,
        @JsonProperty("dominios") Map<String, Long> dominios,
        @JsonProperty("categorias") Map<String, Long> categorias,
        @JsonProperty("leido_en") Instant leidoEn) {

    public static final int SCHEMA_VERSION = 1;
}
