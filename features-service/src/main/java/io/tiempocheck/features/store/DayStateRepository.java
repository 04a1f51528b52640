package io.tiempocheck.features.store;

import io.tiempocheck.common.jdbc.UtcColumns;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/** The state row of each (user, local day): when events last landed, closes, rebuilds and QA deltas. */
@ApplicationScoped
public class DayStateRepository {

    private static final String TOUCH = "INSERT INTO features_dias (usuario_id, dia, tz, actualizado_en)"
            + " VALUES (?, ?, ?, CURRENT_TIMESTAMP(3))"
            + " ON DUPLICATE KEY UPDATE tz = VALUES(tz), actualizado_en = CURRENT_TIMESTAMP(3)";

    /**
     * Marks the days as updated, first thing in a consumer transaction: the row locks it takes (in
     * key order) are the ones a rebuild takes first too, so the two wait for each other per day.
     */
    public void touch(Connection connection, SortedMap<UserDay, String> zones) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TOUCH)) {
            for (var entry : zones.entrySet()) {
                statement.setLong(1, entry.getKey().userId());
                statement.setObject(2, entry.getKey().day());
                statement.setString(3, entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Locks the scope's day rows (and, under repeatable read, the gaps between them) before its
     * aggregates are replaced: a consumer batch touching those days waits for the rebuild, or the
     * rebuild waits for the batch and then reads it.
     */
    public void lock(Connection connection, FeatureScope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM features_dias"
                + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? FOR UPDATE")) {
            Jdbc.bindScope(statement, 1, scope);
            statement.executeQuery().close();
        }
    }

    /**
     * After a rebuild: a state row for every rebuilt day that had none (days whose events were
     * restored into registro, for example), in the zone of the user's latest event (looked up once
     * per user: MariaDB and MySQL cache a correlated subquery's result per outer value).
     */
    public void addMissing(Connection connection, FeatureScope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO features_dias (usuario_id, dia, tz, actualizado_en)"
                + " SELECT h.usuario_id, h.dia, COALESCE((SELECT r.tz FROM registro r WHERE r.usuario_id = h.usuario_id"
                + "   ORDER BY r.dia DESC LIMIT 1), 'UTC'), CURRENT_TIMESTAMP(3)"
                + " FROM (SELECT usuario_id, dia FROM features_diarias"
                + "   WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? GROUP BY usuario_id, dia) h"
                + " WHERE NOT EXISTS (SELECT 1 FROM features_dias d WHERE d.usuario_id = h.usuario_id AND d.dia = h.dia)")) {
            Jdbc.bindScope(statement, 1, scope);
            statement.executeUpdate();
        }
    }

    /** After a rebuild the scope agrees with registro by construction: deltas zero, closed if the day is over. */
    public void markRebuilt(Connection connection, FeatureScope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE features_dias SET"
                + " reconstruido_en = CURRENT_TIMESTAMP(3), qa_en = CURRENT_TIMESTAMP(3),"
                + " delta_horas_dia = 0, delta_dia_registro = 0, delta_horas_registro = 0"
                + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?")) {
            Jdbc.bindScope(statement, 1, scope);
            statement.executeUpdate();
        }
    }

    /** The daily close of one day: its QA as found before the close, and the close time. */
    public void markClosed(Connection connection, DayQa qa) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE features_dias SET"
                + " cerrado_en = CURRENT_TIMESTAMP(3), qa_en = CURRENT_TIMESTAMP(3),"
                + " delta_horas_dia = ?, delta_dia_registro = ?, delta_horas_registro = ?"
                + " WHERE usuario_id = ? AND dia = ?")) {
            statement.setLong(1, qa.hoursVsDay());
            statement.setLong(2, qa.dayVsRegistro());
            statement.setLong(3, qa.hoursVsRegistro());
            statement.setLong(4, qa.userId());
            statement.setObject(5, qa.day());
            statement.executeUpdate();
        }
    }

    /** Zones with days still open (never closed, or updated since their close). */
    public List<String> zonesWithOpenDays(Connection connection) throws SQLException {
        List<String> zones = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT tz FROM features_dias"
                + " WHERE cerrado_en IS NULL OR actualizado_en > cerrado_en");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                zones.add(rows.getString(1));
            }
        }
        return zones;
    }

    /** Open days of one zone that ended before {@code before} (that zone's local date). */
    public SortedSet<UserDay> openDays(Connection connection, String zone, LocalDate before) throws SQLException {
        return userDays(connection, "SELECT usuario_id, dia FROM features_dias WHERE tz = ? AND dia < ?"
                + " AND (cerrado_en IS NULL OR actualizado_en > cerrado_en)", zone, before);
    }

    /** Days that received events since the instant (the hourly job's lookback). */
    public SortedSet<UserDay> updatedSince(Connection connection, Instant since) throws SQLException {
        return userDays(connection, "SELECT usuario_id, dia FROM features_dias WHERE actualizado_en >= ?",
                UtcColumns.utc(since), null);
    }

    /** Days of the range holding aggregate rows written under an older definition. */
    public SortedSet<UserDay> outdated(Connection connection, LocalDate from, LocalDate to, int version) throws SQLException {
        SortedSet<UserDay> days = new TreeSet<>();
        for (String table : List.of("features_horarias", "features_diarias")) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT usuario_id, dia FROM " + table
                    + " WHERE dia BETWEEN ? AND ? AND schema_ver < ?")) {
                statement.setObject(1, from);
                statement.setObject(2, to);
                statement.setInt(3, version);
                collect(statement, days);
            }
        }
        return days;
    }

    /** Events whose interval starts on the user-day. */
    public long eventsOn(Connection connection, long userId, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM registro WHERE usuario_id = ? AND dia = ?")) {
            statement.setLong(1, userId);
            statement.setObject(2, day);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Seconds the day's events (by the day they start on) did not count because their device had counted them. */
    public long trimmedOn(Connection connection, long userId, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COALESCE(SUM(segundos_recortados), 0) FROM registro WHERE usuario_id = ? AND dia = ?")) {
            statement.setLong(1, userId);
            statement.setObject(2, day);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public Optional<DayState> find(Connection connection, long userId, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT tz, actualizado_en, cerrado_en, reconstruido_en,"
                + " qa_en, delta_horas_dia, delta_dia_registro, delta_horas_registro FROM features_dias"
                + " WHERE usuario_id = ? AND dia = ?")) {
            statement.setLong(1, userId);
            statement.setObject(2, day);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DayState(row.getString(1), UtcColumns.instant(row, 2), UtcColumns.instant(row, 3),
                        UtcColumns.instant(row, 4), UtcColumns.instant(row, 5), row.getLong(6), row.getLong(7), row.getLong(8)));
            }
        }
    }

    private static SortedSet<UserDay> userDays(Connection connection, String sql, Object first, Object second)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, first);
            if (second != null) {
                statement.setObject(2, second);
            }
            SortedSet<UserDay> days = new TreeSet<>();
            collect(statement, days);
            return days;
        }
    }

    private static void collect(PreparedStatement statement, SortedSet<UserDay> days) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                days.add(new UserDay(rows.getLong(1), rows.getObject(2, LocalDate.class)));
            }
        }
    }
}
