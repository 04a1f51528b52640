package io.tiempocheck.alerts.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The schema's DATETIME columns hold UTC; these convert both ways, for limits and alerts alike. */
public final class UtcColumns {

    private UtcColumns() {
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(stored(instant), ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /**
     * Whole seconds: MariaDB introduces itself to the MySQL driver as 5.5, so the driver drops
     * fractions when it writes; what the API answers at once must equal what it reads back later.
     */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
