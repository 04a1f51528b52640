package io.tiempocheck.suggestions.forecast;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One refit at a time across every replica, through the server's named lock (GET_LOCK), as
 * features-service's jobs do: held by a connection for the whole run, so a replica that dies
 * mid-run releases it with its connection. The schema is part of the name, so systems that share
 * a server but not a schema never block each other.
 */
@ApplicationScoped
public class RefitLock {

    private static final String NAME = "modelos_reentreno";

    private final AgroalDataSource dataSource;

    public RefitLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The held lock, or empty when another run (here or on another replica) holds it. */
    public Optional<Held> tryAcquire() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(CONCAT(DATABASE(), '.', ?), 0)")) {
            statement.setString(1, NAME);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getInt(1) == 1) {
                    return Optional.of(new Held(connection));
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** A held lock: released, with its connection, on close. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() throws SQLException {
            try (connection; PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.', ?))")) {
                statement.setString(1, NAME);
                statement.executeQuery().close();
            }
        }
    }
}
