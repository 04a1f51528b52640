package io.tiempocheck.features.rebuild;

import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.store.CategoryLookup;
import io.tiempocheck.features.store.FeatureScope;
import io.tiempocheck.features.store.Jdbc;
import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Set-based recomputation of the aggregates of a scope from {@code registro}: the hourly rows from
 * each event's stored hour slots, the daily rows from the hourly ones. Runs inside the caller's
 * transaction, after {@link io.tiempocheck.features.store.DayStateRepository#lock} has taken the scope's day locks.
 */
@ApplicationScoped
public class RebuildRepository {

    // Every column, actualizado_en included: it marks the row as written by this rebuild.
    private static final String UPDATE_ALL = " ON DUPLICATE KEY UPDATE categoria = VALUES(categoria),"
            + " segundos = VALUES(segundos), schema_ver = VALUES(schema_ver), actualizado_en = VALUES(actualizado_en)";

    // One pass over registro: each row joins a two-row table once per hour slot it fills (a slot whose seconds the
    // device had all counted already, trimmed to 0, fills nothing, as in the consumer); grouped in the primary
    // key's order, so the rows arrive in the order the table stores them. The category (the person's override,
    // else the global one) is scalar subqueries rather than joins: MariaDB caches their results per domain
    // instead of looking them up per hourly row; MySQL evaluates them per row, as a join would.
    private static final String UPSERT_HOURLY = "INSERT INTO features_horarias"
            + " (usuario_id, dia, hora, dominio, categoria, segundos, schema_ver, actualizado_en)"
            + " SELECT g.usuario_id, g.dia, g.hora, g.dominio, " + CategoryLookup.CATEGORY_OF_GROUP + ", g.segundos, ?, ? FROM ("
            + "   SELECT r.usuario_id, IF(k.n = 1, r.dia, r.dia_2) AS dia, IF(k.n = 1, r.hora, r.hora_2) AS hora, r.dominio,"
            + "    SUM(IF(k.n = 1, r.segundos, r.segundos_2)) AS segundos"
            + "   FROM registro r JOIN (SELECT 1 AS n UNION ALL SELECT 2) k ON IF(k.n = 1, r.segundos, r.segundos_2) > 0"
            + "   WHERE r.usuario_id BETWEEN ? AND ? AND r.dia BETWEEN ? AND ? AND IF(k.n = 1, r.dia, r.dia_2) BETWEEN ? AND ?"
            + "   GROUP BY r.usuario_id, IF(k.n = 1, r.dia, r.dia_2), r.dominio, IF(k.n = 1, r.hora, r.hora_2)"
            + " ) g" + UPDATE_ALL;

    // Reads features_horarias in its primary key's order: one streaming pass, no temporary table.
    private static final String UPSERT_DAILY = "INSERT INTO features_diarias"
            + " (usuario_id, dia, dominio, categoria, segundos, schema_ver, actualizado_en)"
            + " SELECT usuario_id, dia, dominio, MAX(categoria), SUM(segundos), ?, ? FROM features_horarias"
            + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? GROUP BY usuario_id, dia, dominio"
            + UPDATE_ALL;

    private final int daysPerStatement;

    public RebuildRepository(FeaturesConfig config) {
        this.daysPerStatement = config.jobs().rebuildDaysPerStatement();
    }

    /**
     * Rewrites the scope's hourly and daily rows from registro; returns how many daily rows the scope holds
     * now (the hourly ones are counted by {@link #hourlyTotals}, which the rebuild reads afterwards anyway).
     * Rows are upserted rather than deleted and inserted again (most of them are unchanged, and a delete
     * costs about as much as the insert); each carries the rebuild's own {@code actualizado_en}, so the
     * rows left with an older one are those registro no longer produces, and go.
     */
    public long rebuild(Connection connection, FeatureScope scope, int schemaVersion) throws SQLException {
        LocalDateTime rebuiltAt = now(connection);
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_HOURLY)) {
            statement.setInt(1, schemaVersion);
            statement.setObject(2, rebuiltAt);
            // One user and a few weeks per statement: the GROUP BY of a user-year (54,000 groups of a row with a
            // 253-character domain) outgrows MariaDB's in-memory temporary table and goes to disk, three to four times
            // slower than the same groups in twelve statements. One user at a time, since a user range with a day
            // range reads registro's primary key from the first user's window to the last user's.
            for (long user : usersWithEvents(connection, scope)) {
                for (FeatureScope window : FeatureScope.ofUser(user, scope.from(), scope.to()).windows(daysPerStatement)) {
                    statement.setLong(3, user);
                    statement.setLong(4, user);
                    // The day before: its last hour's intervals may run into the window's first day.
                    statement.setObject(5, window.from().minusDays(1));
                    statement.setObject(6, window.to());
                    statement.setObject(7, window.from());
                    statement.setObject(8, window.to());
                    statement.executeUpdate();
                }
            }
        }
        deleteOlder(connection, "features_horarias", scope, rebuiltAt);
        return rebuildDaily(connection, scope, schemaVersion, rebuiltAt);
    }

    /** Rewrites the scope's daily rows as the sums of its hourly rows (the daily close); returns how many there are. */
    public long rebuildDaily(Connection connection, FeatureScope scope, int schemaVersion) throws SQLException {
        return rebuildDaily(connection, scope, schemaVersion, now(connection));
    }

    private long rebuildDaily(Connection connection, FeatureScope scope, int schemaVersion, LocalDateTime rebuiltAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_DAILY)) {
            statement.setInt(1, schemaVersion);
            statement.setObject(2, rebuiltAt);
            Jdbc.bindScope(statement, 3, scope);
            statement.executeUpdate();
        }
        deleteOlder(connection, "features_diarias", scope, rebuiltAt);
        return count(connection, "features_diarias", scope);
    }

    /**
     * The database's clock, as the consumer's writes use it. Taken under the scope's day locks, so no
     * row of the scope can be written after it by anyone else until the rebuild commits.
     */
    private static LocalDateTime now(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT CURRENT_TIMESTAMP(3)");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getObject(1, LocalDateTime.class);
        }
    }

    private static void deleteOlder(Connection connection, String table, FeatureScope scope, LocalDateTime rebuiltAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table
                + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? AND actualizado_en <> ?")) {
            Jdbc.bindScope(statement, 1, scope);
            statement.setObject(5, rebuiltAt);
            statement.executeUpdate();
        }
    }

    private static long count(Connection connection, String table, FeatureScope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?")) {
            Jdbc.bindScope(statement, 1, scope);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Seconds and rows per user-day of the scope as features_horarias holds them now. */
    public SortedMap<UserDay, HourlyDaySummary> hourlyTotals(Connection connection, FeatureScope scope) throws SQLException {
        SortedMap<UserDay, HourlyDaySummary> totals = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT usuario_id, dia, SUM(segundos), COUNT(*)"
                + " FROM features_horarias WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? GROUP BY usuario_id, dia")) {
            Jdbc.bindScope(statement, 1, scope);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.put(new UserDay(rows.getLong(1), rows.getObject(2, LocalDate.class)),
                            new HourlyDaySummary(rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        return totals;
    }

    /**
     * Every user with events or day states, ascending: one primary-key dive per user and table, which
     * does not depend on the optimizer's statistics (stale right after a bulk load, when GROUP BY
     * usuario_id scans every row instead of skipping from user to user).
     */
    public List<Long> users(Connection connection) throws SQLException {
        SortedSet<Long> users = new TreeSet<>(usersIn(connection, "registro", Long.MIN_VALUE, Long.MAX_VALUE));
        users.addAll(usersIn(connection, "features_dias", Long.MIN_VALUE, Long.MAX_VALUE));
        return new ArrayList<>(users);
    }

    private static List<Long> usersWithEvents(Connection connection, FeatureScope scope) throws SQLException {
        return scope.firstUser() == scope.lastUser()
                ? List.of(scope.firstUser())
                : usersIn(connection, "registro", scope.firstUser(), scope.lastUser());
    }

    private static List<Long> usersIn(Connection connection, String table, long first, long last) throws SQLException {
        List<Long> users = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT MIN(usuario_id) FROM " + table + " WHERE usuario_id >= ? AND usuario_id <= ?")) {
            long from = first;
            while (true) {
                next.setLong(1, from);
                next.setLong(2, last);
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    long user = row.getLong(1);
                    if (row.wasNull()) {
                        return users;
                    }
                    users.add(user);
                    if (user == last) {
                        return users;
                    }
                    from = user + 1;
                }
            }
        }
    }
}
