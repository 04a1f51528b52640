package io.tiempocheck.alerts.evaluation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.tiempocheck.common.jdbc.UtcColumns.instant;
import static io.tiempocheck.alerts.store.StoredInstants.column;
import static io.tiempocheck.alerts.store.StoredInstants.stored;

@ApplicationScoped
public class AlertRepository {

    private static final String COLUMNS = "id, usuario_id, limite_id, categoria, dominio, nivel, dia, uso_segundos,"
            + " limite_segundos, umbral_aviso, creada_en, aceptada_en";

    private final AgroalDataSource dataSource;

    public AlertRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the alert of a crossing unless (limit, day) already has it, or already has the higher
     * level: a late or redelivered update at 80 % does not warn after the limit was exceeded.
     * The user's lock row serializes this with any other insert for the same user (another replica,
     * a rebalance), so ids are handed out in commit order per user.
     *
     * @return the new alert, or empty when it had already been raised
     */
    @Transactional
    public Optional<Alert> insertOnce(long userId, Crossing crossing, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement(
                    "INSERT INTO alertas_usuario (usuario_id) VALUES (?) ON DUPLICATE KEY UPDATE usuario_id = usuario_id")) {
                lock.setLong(1, userId);
                lock.executeUpdate();
            }
            try (PreparedStatement raised = connection.prepareStatement(
                    "SELECT 1 FROM alertas WHERE limite_id = ? AND dia = ? AND nivel IN (?, ?)")) {
                raised.setLong(1, crossing.limit().id());
                raised.setObject(2, crossing.day());
                raised.setString(3, crossing.level().wire());
                raised.setString(4, AlertLevel.EXCESO.wire());
                try (ResultSet rows = raised.executeQuery()) {
                    if (rows.next()) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alertas (usuario_id, limite_id, dia, nivel,"
                    + " categoria, dominio, uso_segundos, limite_segundos, umbral_aviso, creada_en)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                var limit = crossing.limit();
                insert.setLong(1, userId);
                insert.setLong(2, limit.id());
                insert.setObject(3, crossing.day());
                insert.setString(4, crossing.level().wire());
                setNullable(insert, 5, limit.category());
                setNullable(insert, 6, limit.domain());
                insert.setLong(7, crossing.usedSeconds());
                insert.setInt(8, limit.dailySeconds());
                insert.setInt(9, limit.warningPercent());
                insert.setObject(10, column(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(new Alert(keys.getLong(1), userId, limit.id(), limit.category(), limit.domain(),
                            crossing.level(), crossing.day(), crossing.usedSeconds(), limit.dailySeconds(),
                            limit.warningPercent(), stored(now), null));
                }
            }
        }
    }

    /** The user's alerts after the given id, oldest first. */
    public List<Alert> after(long userId, long afterId, int max) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM alertas WHERE usuario_id = ? AND id > ? ORDER BY id LIMIT " + max,
                userId, statement -> statement.setLong(2, afterId));
    }

    public List<Alert> ofDay(long userId, LocalDate day) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM alertas WHERE usuario_id = ? AND dia = ? ORDER BY id",
                userId, statement -> statement.setObject(2, day));
    }

    public Optional<Alert> find(long userId, long id) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM alertas WHERE usuario_id = ? AND id = ?",
                userId, statement -> statement.setLong(2, id)).stream().findFirst();
    }

    /** The id of the user's newest alert, 0 when there is none. */
    public long lastId(long userId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM alertas WHERE usuario_id = ?")) {
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Marks the alert accepted; accepting twice keeps the first time. @return false when the user has no such alert */
    public boolean accept(long userId, long id, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE alertas SET aceptada_en = COALESCE(aceptada_en, ?) WHERE usuario_id = ? AND id = ?")) {
            update.setObject(1, column(now));
            update.setLong(2, userId);
            update.setLong(3, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Users with an alert created since the given instant. */
    public Set<Long> usersWithAlertsSince(Instant since) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DISTINCT usuario_id FROM alertas WHERE creada_en >= ?")) {
            select.setObject(1, column(since));
            Set<Long> users = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getLong(1));
                }
            }
            return users;
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Alert> query(String sql, long userId, Binder binder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, userId);
            binder.bind(select);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    alerts.add(new Alert(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                            AlertLevel.fromWire(rows.getString(6)), rows.getObject(7, LocalDate.class), rows.getLong(8),
                            rows.getInt(9), rows.getInt(10), instant(rows, 11),
                            instant(rows, 12)));
                }
            }
            return alerts;
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
