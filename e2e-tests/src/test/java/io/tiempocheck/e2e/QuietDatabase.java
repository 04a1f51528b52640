package io.tiempocheck.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets MariaDB finish the background work an earlier benchmark phase left behind before the next
 * timed phase starts: the purge of old row versions and the flushing of dirty pages. Without it a
 * phase pays for the writes of the one before it (a raw INSERT right after the consumer's 400,000
 * rows ran at a quarter of its usual rate), and which side of a comparison pays depends on the order.
 * Benchmarks only: it changes a global setting for a moment and restores it.
 */
final class QuietDatabase {

    private static final long MAX_WAIT_MILLIS = 120_000;

    private QuietDatabase() {
    }

    static void settle() throws SQLException, InterruptedException {
        try (Connection root = DriverManager.getConnection("jdbc:mysql://" + TiempoCheckSystem.MYSQL + "/", "root", "");
             Statement statement = root.createStatement()) {
            // MariaDB 10.5+: returns once the history list is empty (MDEV-16952).
            statement.execute("SET GLOBAL innodb_max_purge_lag_wait = 0");
            double pct = variable(statement, "innodb_max_dirty_pages_pct");
            long ioCapacity = (long) variable(statement, "innodb_io_capacity");
            long ioCapacityMax = (long) variable(statement, "innodb_io_capacity_max");
            // At the default I/O capacity the page cleaner writes ~150 pages/s: a full 128 MiB pool would take a minute.
            statement.execute("SET GLOBAL innodb_io_capacity_max = 100000");
            statement.execute("SET GLOBAL innodb_io_capacity = 100000");
            statement.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
            try {
                long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
                while (status(statement, "Innodb_buffer_pool_pages_dirty") > 16 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
            } finally {
                statement.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + pct);
                statement.execute("SET GLOBAL innodb_io_capacity = " + ioCapacity);
                statement.execute("SET GLOBAL innodb_io_capacity_max = " + ioCapacityMax);
            }
        }
    }

    private static long status(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            return row.next() ? row.getLong(2) : 0;
        }
    }

    private static double variable(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT @@GLOBAL." + name)) {
            row.next();
            return row.getDouble(1);
        }
    }
}
