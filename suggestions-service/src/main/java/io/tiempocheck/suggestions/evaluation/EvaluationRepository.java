package io.tiempocheck.suggestions.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Evaluations as they were answered (evaluaciones), readable again by the user who asked for them. */
@ApplicationScoped
public class EvaluationRepository {

    private static final TypeReference<List<PolicyOutcome>> OUTCOMES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public EvaluationRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public Evaluation insert(long userId, Instant createdAt, LocalDate from, LocalDate to, List<PolicyOutcome> outcomes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO evaluaciones (usuario_id, desde, hasta, creada_en, resultado) VALUES (?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, userId);
            insert.setObject(2, from);
            insert.setObject(3, to);
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.setString(5, mapper.writeValueAsString(outcomes));
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return new Evaluation(key.getLong(1), createdAt, from, to, outcomes);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Evaluation> find(long userId, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT desde, hasta, creada_en, resultado FROM evaluaciones WHERE id = ? AND usuario_id = ?")) {
            select.setLong(1, id);
            select.setLong(2, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Evaluation(id, row.getTimestamp(3).toInstant(), row.getObject(1, LocalDate.class),
                        row.getObject(2, LocalDate.class), mapper.readValue(row.getString(4), OUTCOMES)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evaluaciones holds a result this version cannot read", e);
        }
    }
}
