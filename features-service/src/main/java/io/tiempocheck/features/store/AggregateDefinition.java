package io.tiempocheck.features.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The current version of the aggregate definition, as the migrations left it in
 * {@code features_definicion}. Every aggregate row is written with it; rows with an older one are
 * rebuilt by the catch-up job.
 */
@ApplicationScoped
public class AggregateDefinition {

    private final AgroalDataSource dataSource;
    private volatile int version;

    public AggregateDefinition(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int version() {
        if (version == 0) {
            version = load();
        }
        return version;
    }

    private int load() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MAX(schema_ver) FROM features_definicion")) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the aggregate definition version", e);
        }
    }
}
