package io.tiempocheck.ingest.service;

import java.time.ZoneId;

/** The authenticated device on whose behalf events are taken in, as read from its token. */
public record Caller(long userId, String deviceId, ZoneId timeZone) {
}
