package io.tiempocheck.suggestions.privacy;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.privacy.AccountErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Deletes every row of an erased account from suggestions-service's schema (see {@link AccountErased}):
 * the person's policy and stored evaluations. The model runs hold only counts over all users.
 */
@ApplicationScoped
public class SuggestionsErasure {

    private static final String[] TABLES = {"evaluaciones", "politicas"};

    private final AgroalDataSource dataSource;

    public SuggestionsErasure(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void erase(@Observes AccountErased erased) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            erased.deleteRows(connection, TABLES);
        }
    }
}
