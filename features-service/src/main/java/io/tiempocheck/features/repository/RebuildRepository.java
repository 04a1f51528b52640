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

    // One pass over registro: each row joins a two-row table once per hour slot it fills. Grouped before the
    // category join, so the join touches one row per (user, day, hour, domain), not one per event.
    private static final String INSERT_HOURLY = "INSERT INTO features_horarias"
            + " (usuario_id, dia, hora, dominio, categoria, segundos, schema_ver)"
            + " SELECT g.usuario_id, g.dia, g.hora, g.dominio, COALESCE(c.nombre, '" + CategoryRepository.UNCATEGORIZED + "'),"
            + " g.segundos, ? FROM ("
            + "   SELECT r.usuario_id, IF(k.n = 1, r.dia, r.dia_2) AS dia, IF(k.n = 1, r.hora, r.hora_2) AS hora, r.dominio,"
            + "    SUM(IF(k.n = 1, r.segundos, r.segundos_2)) AS segundos"
            + "   FROM registro r JOIN (SELECT 1 AS n UNION ALL SELECT 2) k ON k.n = 1 OR r.segundos_2 > 0"
            + "   WHERE r.usuario_id BETWEEN ? AND ? AND r.dia BETWEEN ? AND ? AND IF(k.n = 1, r.dia, r.dia_2) BETWEEN ? AND ?"
            + "   GROUP BY r.usuario_id, IF(k.n = 1, r.dia, r.dia_2), IF(k.n = 1, r.hora, r.hora_2), r.dominio"
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
            statement.setLong(2, scope.firstUser());
            statement.setLong(3, scope.lastUser());
            // The day before: its last hour's intervals may run into the scope's first day.
            statement.setObject(4, scope.from().minusDays(1));
            statement.setObject(5, scope.to());
            statement.setObject(6, scope.from());
            statement.setObject(7, scope.to());
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

    /** Every user with events or day states, ascending (a loose scan of both primary keys: one step per user). */
    public List<Long> users(Connection connection) throws SQLException {
        List<Long> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT usuario_id FROM registro GROUP BY usuario_id"
                + " UNION SELECT usuario_id FROM features_dias GROUP BY usuario_id ORDER BY usuario_id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                users.add(rows.getLong(1));
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
