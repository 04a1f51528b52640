package io.tiempocheck.features.recording;

import io.tiempocheck.features.store.AggregateDefinition;
import io.tiempocheck.features.store.DomainCategories;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SortedMap;

/** Adds seconds to features_horarias and features_diarias (the increments of newly recorded events only). */
@ApplicationScoped
public class AggregateRepository {

    private final AggregateDefinition definition;

    public AggregateRepository(AggregateDefinition definition) {
        this.definition = definition;
    }

    // VALUES(col) rather than the row alias of MySQL 8.0.19+: MariaDB knows only the former, MySQL 8 still accepts it.
    private static final String ADD_HOURLY = "INSERT INTO features_horarias"
            + " (usuario_id, dia, hora, dominio, categoria, segundos, schema_ver) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE segundos = segundos + VALUES(segundos), actualizado_en = CURRENT_TIMESTAMP(3)";
    private static final String ADD_DAILY = "INSERT INTO features_diarias"
            + " (usuario_id, dia, dominio, categoria, segundos, schema_ver) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE segundos = segundos + VALUES(segundos), actualizado_en = CURRENT_TIMESTAMP(3)";

    public void addHourly(Connection connection, SortedMap<HourlyKey, Long> seconds, DomainCategories categories)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ADD_HOURLY)) {
            for (var entry : seconds.entrySet()) {
                HourlyKey key = entry.getKey();
                statement.setLong(1, key.userId());
                statement.setObject(2, key.day());
                statement.setInt(3, key.hour());
                statement.setString(4, key.domain());
                statement.setString(5, categories.of(key.userId(), key.domain()));
                statement.setLong(6, entry.getValue());
                statement.setInt(7, definition.version());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public void addDaily(Connection connection, SortedMap<DailyKey, Long> seconds, DomainCategories categories)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ADD_DAILY)) {
            for (var entry : seconds.entrySet()) {
                DailyKey key = entry.getKey();
                statement.setLong(1, key.userId());
                statement.setObject(2, key.day());
                statement.setString(3, key.domain());
                statement.setString(4, categories.of(key.userId(), key.domain()));
                statement.setLong(5, entry.getValue());
                statement.setInt(6, definition.version());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
