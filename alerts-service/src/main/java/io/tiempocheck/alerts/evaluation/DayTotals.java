package io.tiempocheck.alerts.evaluation;

import java.time.LocalDate;
import java.util.Map;

/**
 * A user's usage of one day so far, in seconds, as far as it is known: by domain and by category.
 * A key that is missing was not touched (a feature update carries only what its batch changed).
 */
public record DayTotals(LocalDate day, Map<String, Long> domains, Map<String, Long> categories) {
}
