package io.tiempocheck.features.jobs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One job run at a time across every replica that shares the database, through the server's named
 * locks (GET_LOCK, on MariaDB and MySQL alike). The lock belongs to a connection held for the
 * whole run, so a replica that dies mid-run releases it with its connection: no lease to expire,
 * no stale owner to clean up. The schema name is part of the lock name, so systems that share a
 * server but not a schema never block each other.
 */
@ApplicationScoped
public class JobLock {

    private final AgroalDataSource dataSource;

    public JobLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The held lock, or empty when another run (here or on another replica) holds it. */
    public Optional<Held> tryAcquire(FeatureJob job) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(CONCAT(DATABASE(), '.', ?), 0)")) {
            statement.setString(1, job.id());
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getInt(1) == 1) {
                    return Optional.of(new Held(connection, job));
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    public static final class Held implements AutoCloseable {
        private final Connection connection;
        private final FeatureJob job;

        private Held(Connection connection, FeatureJob job) {
            this.connection = connection;
            this.job = job;
        }

        @Override
        public void close() throws SQLException {
            try (connection; PreparedStatement statement = connection.prepareStatement(
                    "SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.', ?))")) {
                statement.setString(1, job.id());
                statement.executeQuery().close();
            }
        }
    }
}
