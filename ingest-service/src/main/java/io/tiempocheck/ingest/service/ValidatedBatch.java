package io.tiempocheck.ingest.service;

import io.tiempocheck.common.event.UsageEvent;

import java.util.List;

public record ValidatedBatch(List<UsageEvent> accepted, List<Rejection> rejected) {
}
