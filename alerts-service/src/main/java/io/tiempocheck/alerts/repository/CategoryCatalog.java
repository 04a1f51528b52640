package io.tiempocheck.alerts.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The feature store's categories, read through the read-only datasource: a limit must name a
 * category the store really writes, or it would never fire.
 */
@ApplicationScoped
public class CategoryCatalog {

    private final AgroalDataSource featureStore;

    public CategoryCatalog(@DataSource("features") AgroalDataSource featureStore) {
        this.featureStore = featureStore;
    }

    /**
     * The stored spelling of a category, matched as the store's collation matches (utf8mb4's default
     * ignores case and accents): "redes sociales" is "Redes Sociales".
     */
    public Optional<String> canonical(String name) throws SQLException {
        try (Connection connection = readOnly();
             PreparedStatement select = connection.prepareStatement("SELECT nombre FROM categorias WHERE nombre = ? ORDER BY id LIMIT 1")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    public List<String> names() throws SQLException {
        try (Connection connection = readOnly();
             PreparedStatement select = connection.prepareStatement("SELECT nombre FROM categorias ORDER BY nombre")) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    private Connection readOnly() throws SQLException {
        Connection connection = featureStore.getConnection();
        // The server refuses any write on this session: alerts-service never writes the feature store.
        connection.setReadOnly(true);
        return connection;
    }
}
