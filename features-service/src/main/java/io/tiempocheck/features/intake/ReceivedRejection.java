package io.tiempocheck.features.intake;

import io.tiempocheck.common.event.IngestRejection;

/** A record of the rejections topic as read: where it sits, and what it says (null when it could not be read). */
public record ReceivedRejection(String topic, int partition, long offset, IngestRejection rejection) {
}
