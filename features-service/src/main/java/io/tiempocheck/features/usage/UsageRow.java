package io.tiempocheck.features.usage;

import java.time.LocalDate;

/** One aggregate row as the usage API reads it; {@code hour} is -1 for daily rows. */
public record UsageRow(LocalDate day, int hour, String domain, String category, long seconds) {
}
