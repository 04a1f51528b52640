package io.tiempocheck.common.event;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One measured interval as it travels on {@code tiempocheck.usage-events.v1} (key = usuario_id).
 * Field names are the wire contract shared by ingest-service and features-service, written by
 * {@link UsageEventWriter} and read by {@link UsageEventReader} (the same JSON data binding gives);
 * the limits both services apply are the constants below.
 *
 * @param dominio    the registrable base domain, already normalized at ingest
 * @param fechaHora  start of the interval, with the offset the browser sent
 * @param tiempo     seconds spent, 1..3600
 * @param tz         the user's time zone at ingest, so consumers split hours and days without a user lookup
 */
public record UsageEvent(
        @JsonProperty("schema_ver") int schemaVer,
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("usuario_id") long usuarioId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("dominio") String dominio,
        @JsonProperty("fecha_hora") OffsetDateTime fechaHora,
        @JsonProperty("tiempo") int tiempo,
        @JsonProperty("recibido_en") Instant recibidoEn,
        @JsonProperty("tz") String tz) {

    public static final int SCHEMA_VERSION = 1;

    /** The longest interval one event may carry, in seconds: ingest refuses longer ones, features-service re-checks. */
    public static final int MAX_SECONDS = 3600;

    /**
     * No interval starts before this, whatever the path (ingest refuses it, features-service parks it): the
     * product did not exist, and the database's DATE and DATETIME columns cannot hold every earlier year.
     */
    public static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
}
