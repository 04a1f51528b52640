package io.tiempocheck.features.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiempocheck.common.jdbc.UtcColumns;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** qa_datos_ejecuciones and qa_datos_resultados: every run with all its results, written in one transaction. */
@ApplicationScoped
public class QualityRepository {

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };
    private static final String RESULT_COLUMNS = "check_id, grupo, estado, valor, unidad, umbral_amarillo, umbral_rojo,"
            + " mensaje, detalle";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public QualityRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public long save(String instance, String trigger, Instant start, Instant end, CheckState state, List<CheckResult> results) {
        return QuarkusTransaction.requiringNew().call(() -> insert(instance, trigger, start, end, state, results));
    }

    private long insert(String instance, String trigger, Instant start, Instant end, CheckState state, List<CheckResult> results)
            throws SQLException, JsonProcessingException {
        try (Connection connection = dataSource.getConnection()) {
            long id;
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO qa_datos_ejecuciones"
                    + " (instancia, disparo, inicio, fin, duracion_ms, estado) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, instance);
                statement.setString(2, trigger);
                statement.setObject(3, UtcColumns.utc(start));
                statement.setObject(4, UtcColumns.utc(end));
                statement.setLong(5, Duration.between(start, end).toMillis());
                statement.setString(6, state.json());
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO qa_datos_resultados"
                    + " (ejecucion_id, momento, " + RESULT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CheckResult result : results) {
                    statement.setLong(1, id);
                    statement.setObject(2, UtcColumns.utc(start));
                    statement.setString(3, result.check());
                    statement.setString(4, result.grupo());
                    statement.setString(5, result.estado().json());
                    statement.setDouble(6, result.valor());
                    statement.setString(7, result.unidad());
                    statement.setDouble(8, result.umbrales().amarillo());
                    statement.setDouble(9, result.umbrales().rojo());
                    String message = result.mensaje();
                    statement.setString(10, message.length() > 1000 ? message.substring(0, 1000) : message);
                    statement.setString(11, json.writeValueAsString(result.detalle()));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return id;
        }
    }

    public Optional<QualityRun> latest() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT id, inicio, fin, duracion_ms, disparo, estado FROM qa_datos_ejecuciones"
                     + " ORDER BY id DESC LIMIT 1")) {
            if (!row.next()) {
                return Optional.empty();
            }
            long id = row.getLong(1);
            return Optional.of(new QualityRun(id, UtcColumns.instant(row, 2), UtcColumns.instant(row, 3), row.getLong(4),
                    row.getString(5), CheckState.fromJson(row.getString(6)), results(connection, id)));
        }
    }

    /** The newest stored detalle of a check, for checks that measure growth since their previous run. */
    public Optional<Map<String, Object>> lastDetail(String check) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT detalle FROM qa_datos_resultados"
                     + " WHERE check_id = ? ORDER BY momento DESC, ejecucion_id DESC LIMIT 1")) {
            statement.setString(1, check);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(detail(row.getString(1))) : Optional.empty();
            }
        }
    }

    /** Every check's entries from the instant on, before {@code to} unless null (the check's alone when given), by time. */
    public List<CheckHistory.Entry> history(String check, Instant from, Instant to) throws SQLException {
        List<CheckHistory.Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT check_id, ejecucion_id, momento, estado, valor"
                     + " FROM qa_datos_resultados WHERE momento >= ?" + (to == null ? "" : " AND momento < ?")
                     + (check == null ? "" : " AND check_id = ?") + " ORDER BY momento, ejecucion_id, check_id")) {
            int index = 1;
            statement.setObject(index++, UtcColumns.utc(from));
            if (to != null) {
                statement.setObject(index++, UtcColumns.utc(to));
            }
            if (check != null) {
                statement.setString(index, check);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new CheckHistory.Entry(rows.getString(1), rows.getLong(2), UtcColumns.instant(rows, 3),
                            CheckState.fromJson(rows.getString(4)), rows.getDouble(5)));
                }
            }
        }
        return entries;
    }

    /** Deletes the runs (and with them their results) that started before the instant; the number of runs deleted. */
    public int deleteBefore(Instant instant) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("DELETE FROM qa_datos_ejecuciones WHERE inicio < ?")) {
            statement.setObject(1, UtcColumns.utc(instant));
            return statement.executeUpdate();
        }
    }

    private List<CheckResult> results(Connection connection, long runId) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + RESULT_COLUMNS
                + " FROM qa_datos_resultados WHERE ejecucion_id = ? ORDER BY check_id")) {
            statement.setLong(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    results.add(new CheckResult(rows.getString(1), rows.getString(2), CheckState.fromJson(rows.getString(3)),
                            rows.getDouble(4), rows.getString(5), new Thresholds(rows.getDouble(6), rows.getDouble(7)),
                            rows.getString(8), detail(rows.getString(9))));
                }
            }
        }
        return results;
    }

    private Map<String, Object> detail(String text) {
        try {
            return json.readValue(text, DETAIL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored detalle is not JSON", e);
        }
    }
}
