package io.tiempocheck.features.jobs;

import io.tiempocheck.features.service.JobOutcome;

import java.sql.SQLException;

@FunctionalInterface
public interface JobWork {
    JobOutcome run() throws SQLException;
}
