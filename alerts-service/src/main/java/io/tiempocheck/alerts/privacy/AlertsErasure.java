package io.tiempocheck.alerts.privacy;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.privacy.AccountErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.SQLException;

/** Deletes every row of an erased account from alerts-service's schema (see {@link AccountErased}). */
@ApplicationScoped
public class AlertsErasure {

    private static final String[] TABLES = {"alertas", "limites", "alertas_usuario"};

    private final AgroalDataSource dataSource;

    public AlertsErasure(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void erase(@Observes AccountErased erased) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            erased.deleteRows(connection, TABLES);
        }
    }
}
