package io.tiempocheck.suggestions.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The policies people adopted (politicas); a user without a row follows the defaults. */
@ApplicationScoped
public class PolicyRepository {

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public PolicyRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public Optional<Policy> find(long userId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT definicion FROM politicas WHERE usuario_id = ?")) {
            select.setLong(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row.getString(1))) : Optional.empty();
            }
        }
    }

    public void save(long userId, Policy policy) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO politicas (usuario_id, definicion) VALUES (?, ?)"
                     + " ON DUPLICATE KEY UPDATE definicion = VALUES(definicion), actualizado_en = CURRENT_TIMESTAMP(3)")) {
            upsert.setLong(1, userId);
            upsert.setString(2, mapper.writeValueAsString(policy));
            upsert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Policy read(String json) {
        try {
            return mapper.readValue(json, Policy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("politicas holds a definition this version cannot read", e);
        }
    }
}
