package io.tiempocheck.alerts.stream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * "User X has a new alert", on tiempocheck.alerts.v1 (key = usuario_id), read by every replica.
 * Streams read the alert itself from the table, so the notice stays small and may arrive twice.
 */
public record AlertNotice(@JsonProperty("id") long id, @JsonProperty("usuario_id") long usuarioId) {
}
