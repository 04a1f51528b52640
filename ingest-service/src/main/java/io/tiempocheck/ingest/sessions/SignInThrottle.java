package io.tiempocheck.ingest.sessions;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.ingest.accounts.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed sign-ins per login name in {@code accesos_fallidos}, shared by every replica. Once a
 * name has more than the allowed failures in the window, every attempt (right password or not) is
 * refused with 429 until the oldest counted failure leaves the window. Names without an account are
 * counted the same way, so the answers do not tell which names exist.
 */
@ApplicationScoped
public class SignInThrottle {

    private final AgroalDataSource dataSource;
    private final SessionsConfig config;
    private final Clock clock;

    public SignInThrottle(AgroalDataSource dataSource, SessionsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Throws 429 with Retry-After when the name is locked. */
    public void checkAllowed(String login) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(config.failureWindow());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT fallido_en FROM accesos_fallidos WHERE usuario = ? AND fallido_en > ? ORDER BY fallido_en DESC LIMIT ?")) {
            select.setString(1, login);
            select.setTimestamp(2, Timestamp.from(windowStart));
            select.setInt(3, config.maxFailures());
            Instant oldestCounted = null;
            int failures = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    failures++;
                    oldestCounted = rows.getTimestamp(1).toInstant();
                }
            }
            if (failures >= config.maxFailures()) {
                long seconds = Math.max(1, Duration.between(now, oldestCounted.plus(config.failureWindow())).toSeconds() + 1);
                throw RefusedException.tooManyAttempts(
                        "demasiados intentos fallidos; vuelve a intentarlo en " + seconds + " s", seconds);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void failed(String login) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO accesos_fallidos (usuario, fallido_en) VALUES (?, ?)")) {
                insert.setString(1, login);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.executeUpdate();
            }
            // The name's failures that no longer count: the table holds at most a window's worth per name.
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM accesos_fallidos WHERE usuario = ? AND fallido_en <= ?")) {
                purge.setString(1, login);
                purge.setTimestamp(2, Timestamp.from(now.minus(config.failureWindow())));
                purge.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void succeeded(String login) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM accesos_fallidos WHERE usuario = ?")) {
            delete.setString(1, login);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
