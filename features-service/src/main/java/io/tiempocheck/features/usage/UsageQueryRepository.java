package io.tiempocheck.features.usage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class UsageQueryRepository {

    private final AgroalDataSource dataSource;

    public UsageQueryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<UsageRow> hourly(long userId, LocalDate day) throws SQLException {
        return query("SELECT dia, hora, dominio, categoria, segundos FROM features_horarias WHERE usuario_id = ? AND dia = ?",
                userId, day, null);
    }

    public List<UsageRow> daily(long userId, LocalDate from, LocalDate to) throws SQLException {
        return query("SELECT dia, -1, dominio, categoria, segundos FROM features_diarias"
                + " WHERE usuario_id = ? AND dia BETWEEN ? AND ?", userId, from, to);
    }

    /** Seconds by category over {@code from..to} (inclusive), or over the whole history when {@code from} is null. */
    public List<UsageRow> byCategory(long userId, LocalDate from, LocalDate to) throws SQLException {
        String sql = "SELECT NULL, -1, NULL, categoria, SUM(segundos) FROM features_diarias WHERE usuario_id = ?"
                + (from == null ? "" : " AND dia BETWEEN ? AND ?") + " GROUP BY categoria ORDER BY SUM(segundos) DESC, categoria";
        return query(sql, userId, from, from == null ? null : to);
    }

    /**
     * Seconds by domain over {@code from..to}, or the whole history when {@code from} is null, most used first.
     * A domain has one category at a time (a re-categorisation rewrites all its rows), MAX picks it.
     */
    public List<UsageRow> byDomain(long userId, LocalDate from, LocalDate to) throws SQLException {
        String sql = "SELECT NULL, -1, dominio, MAX(categoria), SUM(segundos) FROM features_diarias WHERE usuario_id = ?"
                + (from == null ? "" : " AND dia BETWEEN ? AND ?") + " GROUP BY dominio ORDER BY SUM(segundos) DESC, dominio";
        return query(sql, userId, from, from == null ? null : to);
    }

    private List<UsageRow> query(String sql, long userId, LocalDate first, LocalDate second) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            if (first != null) {
                statement.setObject(2, first);
            }
            if (second != null) {
                statement.setObject(3, second);
            }
            List<UsageRow> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new UsageRow(result.getObject(1, LocalDate.class), result.getInt(2), result.getString(3),
                            result.getString(4), result.getLong(5)));
                }
            }
            return rows;
        }
    }
}
