package io.tiempocheck.ingest.rest;

import io.tiempocheck.ingest.service.Rejection;

import java.util.List;

public record BatchResponse(int aceptados, List<Rejection> rechazados) {
}
