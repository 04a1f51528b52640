package io.tiempocheck.features.recording;

import java.time.LocalDate;

/** One row of features_diarias as it stands: a domain's seconds over one user-local day. */
public record DailyRow(long userId, LocalDate day, String domain, String category, long seconds) {
}
