package io.tiempocheck.features.qa;

import io.tiempocheck.features.store.DayQa;
import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Compares features_horarias, features_diarias and registro for a block of user-days. Each table is
 * read once with per-user primary key ranges ({@code usuario_id IN (...) AND dia BETWEEN}) and the
 * rows are folded here: grouping them on the server cost a temporary table several times the read.
 * The caller keeps a block small enough to fold in memory and, for a consistent view of the three
 * tables, reads them in one transaction.
 */
@ApplicationScoped
public class QaRepository {

    private static final String HOURLY = "SELECT usuario_id, dia, dominio, hora, segundos FROM features_horarias"
            + " WHERE usuario_id IN (%s) AND dia BETWEEN ? AND ?";
    private static final String DAILY = "SELECT usuario_id, dia, dominio, segundos FROM features_diarias"
            + " WHERE usuario_id IN (%s) AND dia BETWEEN ? AND ?";
    // From the day before, only the intervals that put their second slot on the first day (the filter runs in
    // the server: the day before is as many rows as the day).
    private static final String REGISTRO = "SELECT usuario_id, dia, dominio, hora, segundos, dia_2, hora_2, segundos_2"
            + " FROM registro WHERE usuario_id IN (%s) AND dia BETWEEN ? AND ? AND (dia >= ? OR dia_2 >= ?)";

    /** Users with rows in any of the three tables on the days, read through the day indexes alone. */
    public List<Long> usersOn(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        List<Long> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT usuario_id FROM registro WHERE dia BETWEEN ? AND ?"
                        + " UNION SELECT usuario_id FROM features_horarias WHERE dia BETWEEN ? AND ?"
                        + " UNION SELECT usuario_id FROM features_diarias WHERE dia BETWEEN ? AND ? ORDER BY usuario_id")) {
            statement.setObject(1, from.minusDays(1));
            statement.setObject(2, to);
            statement.setObject(3, from);
            statement.setObject(4, to);
            statement.setObject(5, from);
            statement.setObject(6, to);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getLong(1));
                }
            }
        }
        return users;
    }

    /** The QA of every user-day of the block that has seconds in any of the three tables, in (user, day) order. */
    public List<DayQa> check(Connection connection, List<Long> users, LocalDate from, LocalDate to) throws SQLException {
        List<DayQa> days = new ArrayList<>();
        check(connection, users, from, to, days::add);
        return days;
    }

    public void check(Connection connection, List<Long> users, LocalDate from, LocalDate to, Consumer<DayQa> sink)
            throws SQLException {
        if (users.isEmpty()) {
            return;
        }
        SortedMap<UserDay, DayCells> days = new TreeMap<>();
        read(connection, HOURLY, users, from, to, List.of(), rows -> cells(days, rows).add(rows.getString(3)).hours[rows.getInt(4)]
                += rows.getLong(5));
        read(connection, DAILY, users, from, to, List.of(), rows -> cells(days, rows).add(rows.getString(3)).daily += rows.getLong(4));
        read(connection, REGISTRO, users, from.minusDays(1), to, List.of(from, from), rows -> {
            LocalDate day = rows.getObject(2, LocalDate.class);
            if (!day.isBefore(from)) {
                cells(days, rows.getLong(1), day).add(rows.getString(3)).registro[rows.getInt(4)] += rows.getLong(5);
            }
            long secondSlot = rows.getLong(8);
            LocalDate day2 = rows.getObject(6, LocalDate.class);
            if (secondSlot > 0 && !day2.isBefore(from) && !day2.isAfter(to)) {
                cells(days, rows.getLong(1), day2).add(rows.getString(3)).registro[rows.getInt(7)] += secondSlot;
            }
        });
        days.forEach((key, cells) -> sink.accept(cells.result(key)));
    }

    private static void read(Connection connection, String sql, List<Long> users, LocalDate from, LocalDate to,
            List<LocalDate> more, RowHandler handler) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(users.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(sql.formatted(placeholders),
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            int index = 1;
            for (Long user : users) {
                statement.setLong(index++, user);
            }
            statement.setObject(index++, from);
            statement.setObject(index++, to);
            for (LocalDate value : more) {
                statement.setObject(index++, value);
            }
            // Row by row: a block of a full history is hundreds of thousands of rows.
            statement.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    private static DayCells cells(SortedMap<UserDay, DayCells> days, ResultSet rows) throws SQLException {
        return cells(days, rows.getLong(1), rows.getObject(2, LocalDate.class));
    }

    private static DayCells cells(SortedMap<UserDay, DayCells> days, long userId, LocalDate day) {
        return days.computeIfAbsent(new UserDay(userId, day), key -> new DayCells());
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    /** One user-day's seconds per domain: by hour in the hourly rows and in registro, and in the daily row. */
    private static final class DayCells {
        private final Map<String, DomainCells> domains = new HashMap<>();

        DomainCells add(String domain) {
            return domains.computeIfAbsent(domain, d -> new DomainCells());
        }

        /** Absolute differences per domain (and per hour for hours against registro), so errors never cancel out. */
        DayQa result(UserDay key) {
            long hours = 0;
            long daily = 0;
            long registro = 0;
            long hoursVsDay = 0;
            long dayVsRegistro = 0;
            long hoursVsRegistro = 0;
            for (DomainCells domain : domains.values()) {
                long domainHours = 0;
                long domainRegistro = 0;
                for (int hour = 0; hour < 24; hour++) {
                    domainHours += domain.hours[hour];
                    domainRegistro += domain.registro[hour];
                    hoursVsRegistro += Math.abs(domain.hours[hour] - domain.registro[hour]);
                }
                hours += domainHours;
                daily += domain.daily;
                registro += domainRegistro;
                hoursVsDay += Math.abs(domainHours - domain.daily);
                dayVsRegistro += Math.abs(domain.daily - domainRegistro);
            }
            return new DayQa(key.userId(), key.day(), hours, daily, registro, hoursVsDay, dayVsRegistro, hoursVsRegistro);
        }
    }

    private static final class DomainCells {
        private final long[] hours = new long[24];
        private final long[] registro = new long[24];
        private long daily;
    }
}
