package io.tiempocheck.features.store;

import java.time.Instant;

/** A row of features_dias. */
public record DayState(String zone, Instant updatedAt, Instant closedAt, Instant rebuiltAt, Instant checkedAt,
        long hoursVsDay, long dayVsRegistro, long hoursVsRegistro) {

    public boolean closed() {
        return closedAt != null && !updatedAt.isAfter(closedAt);
    }
}
