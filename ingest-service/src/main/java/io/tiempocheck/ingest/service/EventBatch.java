package io.tiempocheck.ingest.service;

import java.util.List;

/**
 * A request body as read: whether it is a JSON object and, when its "eventos" field is a list, the
 * list's elements (null when the field is absent or not a list).
 */
public record EventBatch(boolean isObject, List<BatchEntry> events) {

    public static final EventBatch NOT_AN_OBJECT = new EventBatch(false, null);
}
