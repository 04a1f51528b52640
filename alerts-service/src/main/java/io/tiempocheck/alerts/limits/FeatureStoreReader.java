package io.tiempocheck.alerts.limits;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What alerts-service reads from the feature store (owned by features-service) through its
 * read-only datasource: the categories a limit may name, and a day's usage when a limit is set.
 */
@ApplicationScoped
public class FeatureStoreReader {

    private final AgroalDataSource featureStore;

    public FeatureStoreReader(@DataSource("features") AgroalDataSource featureStore) {
        this.featureStore = featureStore;
    }

    /**
     * The stored spelling of a category, matched as the store's collation matches (utf8mb4's default
     * ignores case and accents): "redes sociales" is "Redes Sociales". A global category or one of the
     * person's own (features-service's categorias_usuario); another person's never.
     */
    public Optional<String> canonicalCategory(long userId, String name) throws SQLException {
        try (Connection connection = readOnly();
             PreparedStatement select = connection.prepareStatement("SELECT nombre FROM categorias WHERE nombre = ?"
                     + " UNION ALL SELECT nombre FROM categorias_usuario WHERE usuario_id = ? AND nombre = ? LIMIT 1")) {
            select.setString(1, name);
            select.setLong(2, userId);
            select.setString(3, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    public List<String> categoryNames(long userId) throws SQLException {
        try (Connection connection = readOnly();
             PreparedStatement select = connection.prepareStatement("SELECT nombre FROM categorias"
                     + " UNION ALL SELECT nombre FROM categorias_usuario WHERE usuario_id = ? ORDER BY nombre")) {
            select.setLong(1, userId);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    /** Seconds of the user-local day on the domain, or on the category when domain is null. */
    public long dayTotal(long userId, LocalDate day, String domain, String category) throws SQLException {
        try (Connection connection = readOnly();
             PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(segundos), 0) FROM features_diarias"
                     + " WHERE usuario_id = ? AND dia = ? AND " + (domain != null ? "dominio = ?" : "categoria = ?"))) {
            select.setLong(1, userId);
            select.setObject(2, day);
            select.setString(3, domain != null ? domain : category);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Connection readOnly() throws SQLException {
        Connection connection = featureStore.getConnection();
        // The server refuses any write on this session: alerts-service never writes the feature store.
        connection.setReadOnly(true);
        return connection;
    }
}
