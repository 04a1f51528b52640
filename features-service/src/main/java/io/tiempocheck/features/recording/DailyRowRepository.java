package io.tiempocheck.features.recording;

import io.tiempocheck.features.store.UserDay;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Reads whole days of features_diarias for the feature updates. */
@ApplicationScoped
public class DailyRowRepository {

    private static final int DAYS_PER_QUERY = 200;

    /** Every domain row of the given user-days, as the connection's transaction sees them. */
    public List<DailyRow> read(Connection connection, Collection<UserDay> days) throws SQLException {
        List<UserDay> all = new ArrayList<>(days);
        List<DailyRow> rows = new ArrayList<>();
        for (int from = 0; from < all.size(); from += DAYS_PER_QUERY) {
            List<UserDay> chunk = all.subList(from, Math.min(all.size(), from + DAYS_PER_QUERY));
            // OR of equalities on the primary key's prefix: a range scan per day on MySQL 8 and MariaDB alike.
            String where = String.join(" OR ", Collections.nCopies(chunk.size(), "(usuario_id = ? AND dia = ?)"));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT usuario_id, dia, dominio, categoria, segundos FROM features_diarias WHERE " + where)) {
                int i = 1;
                for (UserDay day : chunk) {
                    select.setLong(i++, day.userId());
                    select.setObject(i++, day.day());
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new DailyRow(result.getLong(1), result.getObject(2, LocalDate.class),
                                result.getString(3), result.getString(4), result.getLong(5)));
                    }
                }
            }
        }
        return rows;
    }
}
