package io.tiempocheck.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for one run of a service's component tests, on the real server
 * (127.0.0.1:3306, root), created before Quarkus starts and dropped after: runs never share rows,
 * and nothing is left behind. The service's Flyway migrates it at start-up as in production.
 * <p>
 * With the argument {@code feature-store=true} a second database holds the feature store, migrated
 * with features-service's own migrations, for the read-only {@code features} datasource.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String FEATURE_STORE = "feature-store";
    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String FEATURE_MIGRATIONS = "filesystem:../features-service/src/main/resources/db/migration";

    private final String name = "tc_ct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private boolean featureStore;

    @Override
    public void init(Map<String, String> args) {
        featureStore = Boolean.parseBoolean(args.getOrDefault(FEATURE_STORE, "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        execute("CREATE DATABASE " + name);
        config.put("quarkus.datasource.jdbc.url", SERVER + name);
        config.put("quarkus.datasource.username", "root");
        config.put("quarkus.datasource.password", "");
        if (featureStore) {
            execute("CREATE DATABASE " + name + "_features");
            Flyway.configure().dataSource(SERVER + name + "_features", "root", "").locations(FEATURE_MIGRATIONS).load().migrate();
            config.put("quarkus.datasource.features.jdbc.url", SERVER + name + "_features");
            config.put("quarkus.datasource.features.username", "root");
            config.put("quarkus.datasource.features.password", "");
        }
        return config;
    }

    @Override
    public void stop() {
        execute("DROP DATABASE IF EXISTS " + name);
        if (featureStore) {
            execute("DROP DATABASE IF EXISTS " + name + "_features");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql, e);
        }
    }
}
