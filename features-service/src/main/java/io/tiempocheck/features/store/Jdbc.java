package io.tiempocheck.features.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The feature store's JDBC conventions, shared by every capability's SQL (UTC columns: common's UtcColumns). */
public final class Jdbc {

    private Jdbc() {
    }

    /** Binds a scope as four parameters: {@code usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?}. */
    public static void bindScope(PreparedStatement statement, int first, FeatureScope scope) throws SQLException {
        statement.setLong(first, scope.firstUser());
        statement.setLong(first + 1, scope.lastUser());
        statement.setObject(first + 2, scope.from());
        statement.setObject(first + 3, scope.to());
    }
}
