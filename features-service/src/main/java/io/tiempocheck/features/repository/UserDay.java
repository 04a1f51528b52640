package io.tiempocheck.features.repository;

import java.time.LocalDate;

/** One user's local day. */
public record UserDay(long userId, LocalDate day) {
}
