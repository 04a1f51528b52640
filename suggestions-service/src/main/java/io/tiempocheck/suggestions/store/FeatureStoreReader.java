package io.tiempocheck.suggestions.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What suggestions-service reads from the feature store (owned by features-service) through its
 * read-only datasource: daily seconds per category. One statement per history, served by
 * features_diarias' (usuario_id, categoria, dia) index.
 */
@ApplicationScoped
public class FeatureStoreReader {

    private final AgroalDataSource featureStore;

    public FeatureStoreReader(@DataSource("features") AgroalDataSource featureStore) {
        this.featureStore = featureStore;
    }

    /** The user's daily seconds per category from first to last (user-local days, inclusive). */
    public UsageHistory history(long userId, LocalDate first, LocalDate last) throws SQLException {
        TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
        try (Connection connection = readOnly();
             PreparedStatement select = connection.prepareStatement("SELECT dia, categoria, SUM(segundos) FROM features_diarias"
                     + " WHERE usuario_id = ? AND dia BETWEEN ? AND ? GROUP BY dia, categoria")) {
            select.setLong(1, userId);
            select.setObject(2, first);
            select.setObject(3, last);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long seconds = rows.getLong(3);
                    if (seconds > 0) {
                        days.computeIfAbsent(rows.getObject(1, LocalDate.class), d -> new HashMap<>()).put(rows.getString(2), seconds);
                    }
                }
            }
        }
        return new UsageHistory(first, last, days);
    }

    /** Every user with at least one day of use from first to last. */
    public List<Long> usersWithData(LocalDate first, LocalDate last) throws SQLException {
        try (Connection connection = readOnly();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT DISTINCT usuario_id FROM features_diarias WHERE dia BETWEEN ? AND ? ORDER BY usuario_id")) {
            select.setObject(1, first);
            select.setObject(2, last);
            List<Long> users = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getLong(1));
                }
            }
            return users;
        }
    }

    private Connection readOnly() throws SQLException {
        Connection connection = featureStore.getConnection();
        // The server refuses any write on this session: suggestions-service never writes the feature store.
        connection.setReadOnly(true);
        return connection;
    }
}
