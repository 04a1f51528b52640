package io.tiempocheck.features.intake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Writes one batch of the rejections topic in one transaction (see {@link RejectionRepository}). */
@ApplicationScoped
public class RejectionRecorder {

    private final AgroalDataSource dataSource;
    private final RejectionRepository repository;

    public RejectionRecorder(AgroalDataSource dataSource, RejectionRepository repository) {
        this.dataSource = dataSource;
        this.repository = repository;
    }

    // rollbackOn: by default a checked exception (any SQLException) would commit what was written before it.
    @Transactional(rollbackOn = Exception.class)
    public int record(List<ReceivedRejection> read, List<ReceivedRejection> counted) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return repository.apply(connection, read, counted);
        }
    }
}
