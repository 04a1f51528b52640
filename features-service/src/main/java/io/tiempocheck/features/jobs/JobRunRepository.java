package io.tiempocheck.features.jobs;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.jdbc.UtcColumns;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/** The record of every job run, written outside the job's own transactions so failures are recorded too. */
@ApplicationScoped
public class JobRunRepository {

    private static final String COLUMNS = "id, job, instancia, disparo, inicio, fin, estado, filas, dias_reconstruidos,"
            + " lag_segundos, error";

    private final AgroalDataSource dataSource;

    public JobRunRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long start(String job, String instance, String trigger, Instant start) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO features_jobs_ejecuciones"
                     + " (job, instancia, disparo, inicio, estado) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, job);
            statement.setString(2, instance);
            statement.setString(3, trigger);
            statement.setObject(4, UtcColumns.utc(start));
            statement.setString(5, JobRun.RUNNING);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void finish(long id, Instant end, String status, long rows, int daysRebuilt, Long lagSeconds, String error)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE features_jobs_ejecuciones"
                     + " SET fin = ?, estado = ?, filas = ?, dias_reconstruidos = ?, lag_segundos = ?, error = ? WHERE id = ?")) {
            statement.setObject(1, UtcColumns.utc(end));
            statement.setString(2, status);
            statement.setLong(3, rows);
            statement.setInt(4, daysRebuilt);
            statement.setObject(5, lagSeconds);
            statement.setString(6, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
            statement.setLong(7, id);
            statement.executeUpdate();
        }
    }

    public Optional<JobRun> last(String job) throws SQLException {
        return lastWhere(job, "");
    }

    public Optional<JobRun> lastSuccessful(String job) throws SQLException {
        return lastWhere(job, " AND estado = '" + JobRun.OK + "'");
    }

    /**
     * Newest event in registro minus the newest aggregate update, in seconds: how far the aggregates
     * trail the raw data. The consumer stamps a day's state row in the same transaction as its
     * aggregate rows, so that indexed stamp stands for the newest aggregate.
     */
    public Long aggregateLagSeconds() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT TIMESTAMPDIFF(SECOND,"
                     + " (SELECT MAX(actualizado_en) FROM features_dias), (SELECT MAX(procesado_en) FROM registro))")) {
            row.next();
            long lag = row.getLong(1);
            return row.wasNull() ? null : Math.max(0, lag);
        }
    }

    /** When aggregates were last updated with new events, if ever. */
    public Optional<Instant> newestAggregate() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MAX(actualizado_en) FROM features_dias")) {
            row.next();
            return Optional.ofNullable(UtcColumns.instant(row, 1));
        }
    }

    private Optional<JobRun> lastWhere(String job, String condition) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM features_jobs_ejecuciones WHERE job = ?" + condition + " ORDER BY inicio DESC, id DESC LIMIT 1")) {
            statement.setString(1, job);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long lag = row.getLong(10);
                Long lagSeconds = row.wasNull() ? null : lag;
                return Optional.of(new JobRun(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        UtcColumns.instant(row, 5), UtcColumns.instant(row, 6), row.getString(7), row.getLong(8),
                        row.getInt(9), lagSeconds, row.getString(11)));
            }
        }
    }
}
