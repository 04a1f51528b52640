package io.tiempocheck.alerts.store;

import io.tiempocheck.common.jdbc.UtcColumns;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Limits' and alerts' instants as their DATETIME columns keep them; the UTC conversions themselves are
 * common's {@link UtcColumns}.
 */
public final class StoredInstants {

    private StoredInstants() {
    }

    /**
     * Whole seconds: MariaDB introduces itself to the MySQL driver as 5.5, so the driver drops
     * fractions when it writes; what the API answers at once must equal what it reads back later.
     */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The column value for an instant: its stored form in UTC. */
    public static LocalDateTime column(Instant instant) {
        return UtcColumns.utc(stored(instant));
    }
}
