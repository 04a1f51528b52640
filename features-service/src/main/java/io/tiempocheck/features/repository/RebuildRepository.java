package io.tiempocheck.features.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Set-based recomputation of the aggregates of a scope from {@code registro}: the hourly rows from
 * each event's stored hour slots, the daily rows from the hourly ones. Runs inside the caller's
 * transaction, after {@link DayStateRepository#lock} has taken the scope's day locks.
 */
@ApplicationScoped
public class RebuildRepository {

    // Grouped before the category join so the join touches one row per (user, day, hour, domain), not one per event.
    private static final String INSERT_HOURLY = "INSERT INTO features_horarias"
            + " (usuario_id, dia, hora, dominio, categoria, segundos, schema_ver)"
            + " SELECT g.usuario_id, g.dia, g.hora, g.dominio, COALESCE(c.nombre, '" + CategoryRepository.UNCATEGORIZED + "'),"
            + " g.segundos, ? FROM ("
            + "   SELECT usuario_id, dia, hora, dominio, SUM(segundos) AS segundos FROM ("
            + "     SELECT usuario_id, dia, hora, dominio, segundos FROM registro"
            + "      WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?"
            + "     UNION ALL"
            + "     SELECT usuario_id, dia_2, hora_2, dominio, segundos_2 FROM registro"
            + "      WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? AND dia_2 BETWEEN ? AND ?"
            + "   ) s GROUP BY usuario_id, dia, hora, dominio"
            + " ) g LEFT JOIN dominio_categoria dc ON dc.dominio = g.dominio LEFT JOIN categorias c ON c.id = dc.categoria_id";

    private static final String INSERT_DAILY = "INSERT INTO features_diarias"
            + " (usuario_id, dia, dominio, categoria, segundos, schema_ver)"
            + " SELECT usuario_id, dia, dominio, MAX(categoria), SUM(segundos), ? FROM features_horarias"
            + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? GROUP BY usuario_id, dia, dominio";

    /** Replaces the scope's hourly and daily rows; returns the number of aggregate rows written. */
    public long rebuild(Connection connection, FeatureScope scope, int schemaVersion) throws SQLException {
        delete(connection, "features_horarias", scope);
        long rows;
        try (PreparedStatement statement = connection.prepareStatement(INSERT_HOURLY)) {
            statement.setInt(1, schemaVersion);
            bindScope(statement, 2, scope);
            statement.setLong(6, scope.firstUser());
            statement.setLong(7, scope.lastUser());
            statement.setObject(8, scope.from().minusDays(1));
            statement.setObject(9, scope.to());
            statement.setObject(10, scope.from());
            statement.setObject(11, scope.to());
            rows = statement.executeUpdate();
        }
        return rows + rebuildDaily(connection, scope, schemaVersion);
    }

    /** Replaces the scope's daily rows by the sums of its hourly rows (the daily close). */
    public long rebuildDaily(Connection connection, FeatureScope scope, int schemaVersion) throws SQLException {
        delete(connection, "features_diarias", scope);
        try (PreparedStatement statement = connection.prepareStatement(INSERT_DAILY)) {
            statement.setInt(1, schemaVersion);
            bindScope(statement, 2, scope);
            return statement.executeUpdate();
        }
    }

    private static void delete(Connection connection, String table, FeatureScope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?")) {
            bindScope(statement, 1, scope);
            statement.executeUpdate();
        }
    }

    /** Seconds and rows per user-day of the scope as features_horarias holds them now. */
    public SortedMap<UserDay, DayTotals> hourlyTotals(Connection connection, FeatureScope scope) throws SQLException {
        SortedMap<UserDay, DayTotals> totals = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT usuario_id, dia, SUM(segundos), COUNT(*)"
                + " FROM features_horarias WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? GROUP BY usuario_id, dia")) {
            bindScope(statement, 1, scope);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.put(new UserDay(rows.getLong(1), rows.getObject(2, LocalDate.class)),
                            new DayTotals(rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        return totals;
    }

    /** The users with a state row in the day range, ascending: what a rebuild of all users walks through. */
    public List<Long> usersWithDays(Connection connection, LocalDate from, LocalDate to)
            throws SQLException {
        List<Long> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT usuario_id FROM ("
                + " SELECT usuario_id FROM features_dias WHERE dia BETWEEN ? AND ?"
                + " UNION SELECT DISTINCT usuario_id FROM registro WHERE dia BETWEEN ? AND ?) u ORDER BY usuario_id")) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            statement.setObject(3, from);
            statement.setObject(4, to);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getLong(1));
                }
            }
        }
        return users;
    }

    static void bindScope(PreparedStatement statement, int first, FeatureScope scope) throws SQLException {
        statement.setLong(first, scope.firstUser());
        statement.setLong(first + 1, scope.lastUser());
        statement.setObject(first + 2, scope.from());
        statement.setObject(first + 3, scope.to());
    }
}
