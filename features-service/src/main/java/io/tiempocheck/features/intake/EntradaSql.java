package io.tiempocheck.features.intake;

import io.tiempocheck.common.jdbc.UtcColumns;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entrada checks' reads: sums of the hourly rows from a UTC hour on, by reason and by user. */
@ApplicationScoped
public class EntradaSql {

    /** A user's count. */
    public record UserCount(long userId, long count) {
    }

    /** Rejections since an hour: all of them, by reason (largest first), and the users with most. */
    public record RejectionSums(long total, Map<String, Long> byReason, List<UserCount> topUsers) {
    }

    /** Odd arrivals since an hour: resent copies, future and old events, and the users with most of each kind. */
    public record AnomalySums(long resent, long future, long old, List<UserCount> topResent, List<OutOfRangeCount> topOutOfRange) {
    }

    /** A user's events from the future and from long ago. */
    public record OutOfRangeCount(long userId, long future, long old) {
    }

    public RejectionSums rejections(Connection connection, Instant since, int top) throws SQLException {
        Map<String, Long> byReason = new LinkedHashMap<>();
        long total = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT motivo, SUM(cantidad) AS n FROM rechazos_ingesta"
                + " WHERE hora >= ? GROUP BY motivo ORDER BY n DESC, motivo")) {
            select.setObject(1, UtcColumns.utc(since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byReason.put(rows.getString(1), rows.getLong(2));
                    total += rows.getLong(2);
                }
            }
        }
        return new RejectionSums(total, byReason, topUsers(connection, "SELECT usuario_id, SUM(cantidad) AS n FROM rechazos_ingesta"
                + " WHERE hora >= ? GROUP BY usuario_id ORDER BY n DESC, usuario_id LIMIT ?", since, top));
    }

    public AnomalySums anomalies(Connection connection, Instant since, int top) throws SQLException {
        long resent;
        long future;
        long old;
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(duplicados), 0), COALESCE(SUM(futuros), 0),"
                + " COALESCE(SUM(antiguos), 0) FROM entrada_anomalias WHERE hora >= ?")) {
            select.setObject(1, UtcColumns.utc(since));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                resent = row.getLong(1);
                future = row.getLong(2);
                old = row.getLong(3);
            }
        }
        List<UserCount> topResent = topUsers(connection, "SELECT usuario_id, SUM(duplicados) AS n FROM entrada_anomalias"
                + " WHERE hora >= ? GROUP BY usuario_id HAVING n > 0 ORDER BY n DESC, usuario_id LIMIT ?", since, top);
        List<OutOfRangeCount> topOutOfRange = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT usuario_id, SUM(futuros), SUM(antiguos), SUM(futuros + antiguos) AS n"
                + " FROM entrada_anomalias WHERE hora >= ? GROUP BY usuario_id HAVING n > 0 ORDER BY n DESC, usuario_id LIMIT ?")) {
            select.setObject(1, UtcColumns.utc(since));
            select.setInt(2, top);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    topOutOfRange.add(new OutOfRangeCount(rows.getLong(1), rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return new AnomalySums(resent, future, old, topResent, topOutOfRange);
    }

    private static List<UserCount> topUsers(Connection connection, String sql, Instant since, int top) throws SQLException {
        List<UserCount> users = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, UtcColumns.utc(since));
            select.setInt(2, top);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(new UserCount(rows.getLong(1), rows.getLong(2)));
                }
            }
        }
        return users;
    }
}
