package io.tiempocheck.features.store;

import java.time.LocalDate;

/** The part of an interval that falls in one local hour of one local day. */
public record HourSlice(LocalDate day, int hour, int seconds) {
}
