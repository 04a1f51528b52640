package io.tiempocheck.features.jobs;

import java.sql.SQLException;

@FunctionalInterface
public interface JobWork {
    JobOutcome run() throws SQLException;
}
