package io.tiempocheck.alerts.limits;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.tiempocheck.common.jdbc.UtcColumns.instant;
import static io.tiempocheck.alerts.store.StoredInstants.column;
import static io.tiempocheck.alerts.store.StoredInstants.stored;

/** A user's limits. Every statement is scoped by usuario_id: another user's limit simply does not exist. */
@ApplicationScoped
public class LimitRepository {

    private static final String COLUMNS = "id, usuario_id, categoria, dominio, segundos_diarios, umbral_aviso, dias_semana, activo,"
            + " creado_en, actualizado_en";

    private final AgroalDataSource dataSource;

    public LimitRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Limit insert(long userId, LimitDraft draft, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO limites (usuario_id, categoria, dominio,"
                     + " segundos_diarios, umbral_aviso, dias_semana, activo, creado_en, actualizado_en)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, userId);
            int i = bindDraft(insert, 2, draft);
            insert.setObject(i++, column(now));
            insert.setObject(i, column(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Limit(keys.getLong(1), userId, draft.category(), draft.domain(), draft.dailySeconds(),
                        draft.warningPercent(), draft.weekdays(), draft.active(), stored(now), stored(now));
            }
        }
    }

    public Optional<Limit> find(long userId, long id) throws SQLException {
        List<Limit> found = query("SELECT " + COLUMNS + " FROM limites WHERE usuario_id = ? AND id = ?", userId, id);
        return found.stream().findFirst();
    }

    public int count(long userId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM limites WHERE usuario_id = ?")) {
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    public List<Limit> all(long userId) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM limites WHERE usuario_id = ? ORDER BY id", userId, null);
    }

    public List<Limit> active(long userId) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM limites WHERE usuario_id = ? AND activo ORDER BY id", userId, null);
    }

    /** @return false when the user has no such limit */
    public boolean update(long userId, long id, LimitDraft draft, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE limites SET categoria = ?, dominio = ?,"
                     + " segundos_diarios = ?, umbral_aviso = ?, dias_semana = ?, activo = ?, actualizado_en = ?"
                     + " WHERE usuario_id = ? AND id = ?")) {
            int i = bindDraft(update, 1, draft);
            update.setObject(i++, column(now));
            update.setLong(i++, userId);
            update.setLong(i, id);
            return update.executeUpdate() == 1;
        }
    }

    /** @return false when the user has no such limit */
    public boolean delete(long userId, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM limites WHERE usuario_id = ? AND id = ?")) {
            delete.setLong(1, userId);
            delete.setLong(2, id);
            return delete.executeUpdate() == 1;
        }
    }

    private static int bindDraft(PreparedStatement statement, int first, LimitDraft draft) throws SQLException {
        int i = first;
        setNullable(statement, i++, draft.category());
        setNullable(statement, i++, draft.domain());
        statement.setInt(i++, draft.dailySeconds());
        statement.setInt(i++, draft.warningPercent());
        statement.setInt(i++, Limit.weekdayMask(draft.weekdays()));
        statement.setBoolean(i++, draft.active());
        return i;
    }

    private List<Limit> query(String sql, long userId, Long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, userId);
            if (id != null) {
                select.setLong(2, id);
            }
            List<Limit> limits = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    limits.add(new Limit(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getInt(5),
                            rows.getInt(6), Limit.weekdaysOf(rows.getInt(7)), rows.getBoolean(8),
                            instant(rows, 9), instant(rows, 10)));
                }
            }
            return limits;
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
