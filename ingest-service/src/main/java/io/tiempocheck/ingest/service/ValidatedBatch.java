package io.tiempocheck.ingest.service;

import io.tiempocheck.common.event.UsageEvent;

import java.util.List;

/**
 * A batch as validated: the events to publish, the invalid ones, and the valid ones that repeat an
 * event_id the batch already holds (each with the index of its first occurrence in the reason).
 */
public record ValidatedBatch(List<UsageEvent> accepted, List<Rejection> rejected, List<Rejection> duplicates) {
}
