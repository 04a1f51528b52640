package io.tiempocheck.features.testing;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A feature store of its own on the real MariaDB/MySQL server, migrated with this service's migrations, for the
 * repository tests of one class; dropped on close.
 */
public final class MigratedDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:mysql://" + System.getProperty("tiempocheck.mysql", "127.0.0.1:3306") + "/";

    private final String name;
    private final String url;

    public MigratedDatabase(String prefix) throws SQLException {
        name = "tc_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        url = SERVER + name + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
        execute("CREATE DATABASE " + name);
        Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").load().migrate();
    }

    /** A connection in a transaction of its own (auto-commit off). */
    public Connection transaction() throws SQLException {
        Connection connection = DriverManager.getConnection(url, "root", "");
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER, "root", ""); Statement statement = server.createStatement()) {
            statement.execute(sql);
        }
    }
}
