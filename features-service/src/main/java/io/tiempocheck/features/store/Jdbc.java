package io.tiempocheck.features.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The feature store's JDBC conventions, shared by every capability's SQL. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Binds a scope as four parameters: {@code usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?}. */
    public static void bindScope(PreparedStatement statement, int first, FeatureScope scope) throws SQLException {
        statement.setLong(first, scope.firstUser());
        statement.setLong(first + 1, scope.lastUser());
        statement.setObject(first + 2, scope.from());
        statement.setObject(first + 3, scope.to());
    }

    // DATETIME columns hold UTC: the JDBC URL pins the session time zone to UTC.
    public static LocalDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
    }

    public static LocalDateTime utc(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
