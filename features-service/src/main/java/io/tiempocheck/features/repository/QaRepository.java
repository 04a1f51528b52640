package io.tiempocheck.features.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Compares features_horarias, features_diarias and registro for every user-day of a scope, in one pass. */
@ApplicationScoped
public class QaRepository {

    // hora = -1 marks the daily rows; ordered so that each (user, day, domain) arrives contiguously.
    private static final String COMPARE = "SELECT usuario_id, dia, dominio, hora, SUM(h), SUM(d), SUM(r) FROM ("
            + " SELECT usuario_id, dia, dominio, hora, segundos AS h, 0 AS d, 0 AS r FROM features_horarias"
            + "  WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?"
            + " UNION ALL SELECT usuario_id, dia, dominio, -1, 0, segundos, 0 FROM features_diarias"
            + "  WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?"
            + " UNION ALL SELECT usuario_id, dia, dominio, hora, 0, 0, segundos FROM registro"
            + "  WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?"
            + " UNION ALL SELECT usuario_id, dia_2, dominio, hora_2, 0, 0, segundos_2 FROM registro"
            + "  WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? AND dia_2 BETWEEN ? AND ?"
            + ") x GROUP BY usuario_id, dia, dominio, hora ORDER BY usuario_id, dia, dominio, hora";

    public List<DayQa> check(Connection connection, FeatureScope scope) throws SQLException {
        List<DayQa> days = new ArrayList<>();
        check(connection, scope, days::add);
        return days;
    }

    /** Streams the QA of every user-day of the scope that has seconds in any of the three tables. */
    public void check(Connection connection, FeatureScope scope, Consumer<DayQa> sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COMPARE, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            for (int block = 0; block < 3; block++) {
                RebuildRepository.bindScope(statement, 1 + block * 4, scope);
            }
            statement.setLong(13, scope.firstUser());
            statement.setLong(14, scope.lastUser());
            statement.setObject(15, scope.from().minusDays(1));
            statement.setObject(16, scope.to());
            statement.setObject(17, scope.from());
            statement.setObject(18, scope.to());
            // Row by row instead of the whole result in memory: the QA of a full history is millions of groups.
            statement.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rows = statement.executeQuery()) {
                DayFold fold = null;
                while (rows.next()) {
                    long user = rows.getLong(1);
                    LocalDate day = rows.getObject(2, LocalDate.class);
                    if (fold == null || fold.userId != user || !fold.day.equals(day)) {
                        if (fold != null) {
                            sink.accept(fold.result());
                        }
                        fold = new DayFold(user, day);
                    }
                    fold.add(rows.getString(3), rows.getInt(4), rows.getLong(5), rows.getLong(6), rows.getLong(7));
                }
                if (fold != null) {
                    sink.accept(fold.result());
                }
            }
        }
    }

    /** Accumulates one user-day; rows arrive grouped by domain, hours ascending, the daily row (hour -1) first. */
    private static final class DayFold {
        private final long userId;
        private final LocalDate day;
        private long hours;
        private long daily;
        private long registro;
        private long hoursVsDay;
        private long dayVsRegistro;
        private long hoursVsRegistro;
        private String domain;
        private long domainHours;
        private long domainDaily;
        private long domainRegistro;

        DayFold(long userId, LocalDate day) {
            this.userId = userId;
            this.day = day;
        }

        void add(String rowDomain, int hour, long h, long d, long r) {
            if (!rowDomain.equals(domain)) {
                closeDomain();
                domain = rowDomain;
            }
            if (hour < 0) {
                domainDaily += d;
            } else {
                domainHours += h;
                domainRegistro += r;
                hoursVsRegistro += Math.abs(h - r);
            }
        }

        private void closeDomain() {
            hours += domainHours;
            daily += domainDaily;
            registro += domainRegistro;
            hoursVsDay += Math.abs(domainHours - domainDaily);
            dayVsRegistro += Math.abs(domainDaily - domainRegistro);
            domainHours = 0;
            domainDaily = 0;
            domainRegistro = 0;
        }

        DayQa result() {
            closeDomain();
            return new DayQa(userId, day, hours, daily, registro, hoursVsDay, dayVsRegistro, hoursVsRegistro);
        }
    }
}
