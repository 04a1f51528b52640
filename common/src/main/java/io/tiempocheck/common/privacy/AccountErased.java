package io.tiempocheck.common.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The erasure contract: ingest-service erased the account {@code userId}, and every service deletes
 * every row of that user from its own schema when it observes this CDI event
 * ({@code void erase(@Observes AccountErased erased)}). It is fired on each replica by
 * {@link io.tiempocheck.common.security.RevokedTokens} from the compacted revocations topic, once
 * when the erasure is published and again at every start (the topic is read from its beginning), so
 * an observer must be idempotent (plain {@code DELETE ... WHERE usuario_id = ?}) and a replica that
 * was down at the time erases on its next start. An observer that throws is logged and tried again
 * at the next start. Events of erased users still on the usage topic are skipped by consumers
 * through {@link io.tiempocheck.common.security.RevokedTokens#isErased(long)}.
 */
public record AccountErased(long userId) {

    /** Deletes the user's rows (by their {@code usuario_id} column) from each of the tables, in the order given. */
    public void deleteRows(Connection connection, String... tables) throws SQLException {
        for (String table : tables) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE usuario_id = ?")) {
                delete.setLong(1, userId);
                delete.executeUpdate();
            }
        }
    }
}
