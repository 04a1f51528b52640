package io.tiempocheck.ingest.privacy;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.privacy.AccountErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Deletes an erased account's rows from ingest's schema: its devices, its failed sign-ins and the
 * account itself. Observed on every replica, at the erasure and at each start (see {@link AccountErased}).
 * InnoDB keeps the AUTO_INCREMENT counter across restarts, so the erased id is never given to a new account.
 */
@ApplicationScoped
public class IngestErasure {

    private final AgroalDataSource dataSource;

    public IngestErasure(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void erase(@Observes AccountErased erased) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "DELETE FROM accesos_fallidos WHERE usuario IN (SELECT usuario FROM usuarios WHERE id = ?)", erased.userId());
            execute(connection, "DELETE FROM dispositivos WHERE usuario_id = ?", erased.userId());
            execute(connection, "DELETE FROM usuarios WHERE id = ?", erased.userId());
        }
    }

    private static void execute(Connection connection, String sql, long userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            statement.executeUpdate();
        }
    }
}
