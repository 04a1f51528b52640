package io.tiempocheck.suggestions.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The record of every refit (modelos_ejecuciones): started before the work, finished or failed after it. */
@ApplicationScoped
public class RefitRuns {

    private static final TypeReference<List<RefitRun.MethodSummary>> SUMMARIES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public RefitRuns(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public long start(String instance, String trigger, Instant start) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO modelos_ejecuciones (instancia, disparo, inicio, estado) VALUES (?, ?, ?, 'en_curso')",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, instance);
            insert.setString(2, trigger);
            insert.setTimestamp(3, Timestamp.from(start));
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    public void finish(long id, Instant end, int users, BacktestSummary summary) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE modelos_ejecuciones SET fin = ?, estado = 'ok',"
                     + " usuarios = ?, series = ?, resultado = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(end));
            update.setInt(2, users);
            update.setInt(3, summary.series());
            update.setString(4, mapper.writeValueAsString(summary.methods()));
            update.setLong(5, id);
            update.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void fail(long id, Instant end, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE modelos_ejecuciones SET fin = ?, estado = 'error', error = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(end));
            update.setString(2, error.length() > 2000 ? error.substring(0, 2000) : error);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    public Optional<RefitRun> latestSuccessful() throws SQLException {
        return one("SELECT * FROM modelos_ejecuciones WHERE estado = 'ok' ORDER BY id DESC LIMIT 1", null);
    }

    public Optional<RefitRun> get(long id) throws SQLException {
        return one("SELECT * FROM modelos_ejecuciones WHERE id = ?", id);
    }

    private Optional<RefitRun> one(String sql, Long id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (id != null) {
                select.setLong(1, id);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp end = row.getTimestamp("fin");
                String result = row.getString("resultado");
                return Optional.of(new RefitRun(row.getLong("id"), row.getString("instancia"), row.getString("disparo"),
                        row.getTimestamp("inicio").toInstant(), end == null ? null : end.toInstant(), row.getString("estado"),
                        row.getInt("usuarios"), row.getInt("series"), result == null ? null : mapper.readValue(result, SUMMARIES),
                        row.getString("error")));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("modelos_ejecuciones holds a result this version cannot read", e);
        }
    }
}
