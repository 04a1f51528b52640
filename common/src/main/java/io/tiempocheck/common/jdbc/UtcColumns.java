package io.tiempocheck.common.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of DATETIME columns. Every service's columns hold UTC and its JDBC URL pins the
 * session time zone to UTC, so a column's value is the instant's UTC date and time, never the JVM's.
 */
public final class UtcColumns {

    private UtcColumns() {
    }

    public static LocalDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
    }

    public static LocalDateTime utc(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    /** The column's instant, null for SQL NULL. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
