package io.tiempocheck.features.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The users of an aggregate table, found one primary-key seek per user, and the per-user key ranges
 * ({@code usuario_id IN (...) AND dia BETWEEN}) that let a check read a few days of every user in
 * primary-key order: through the day index it would look up each row in the table instead.
 */
final class TableUsers {

    /** Users per statement: keeps the IN list short while a check still reads few statements. */
    static final int PER_STATEMENT = 500;

    private TableUsers() {
    }

    static List<Long> of(Connection connection, String table) throws SQLException {
        List<Long> users = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT MIN(usuario_id) FROM " + table + " WHERE usuario_id > ?")) {
            long after = Long.MIN_VALUE;
            while (true) {
                next.setLong(1, after);
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    long user = row.getLong(1);
                    if (row.wasNull()) {
                        return users;
                    }
                    users.add(user);
                    after = user;
                }
            }
        }
    }

    /** The users in groups of at most {@link #PER_STATEMENT}. */
    static List<List<Long>> groups(List<Long> users) {
        List<List<Long>> groups = new ArrayList<>();
        for (int i = 0; i < users.size(); i += PER_STATEMENT) {
            groups.add(users.subList(i, Math.min(users.size(), i + PER_STATEMENT)));
        }
        return groups;
    }

    static String placeholders(List<Long> users) {
        return String.join(", ", Collections.nCopies(users.size(), "?"));
    }

    /** Binds the users from parameter {@code first} on; returns the next parameter's index. */
    static int bind(PreparedStatement statement, int first, List<Long> users) throws SQLException {
        int index = first;
        for (Long user : users) {
            statement.setLong(index++, user);
        }
        return index;
    }
}
