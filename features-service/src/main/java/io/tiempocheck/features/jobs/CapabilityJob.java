package io.tiempocheck.features.jobs;

import java.sql.SQLException;

/**
 * The work of a job that belongs to another capability (the data-quality checks): that package
 * implements it and this one schedules, locks and records it like its own jobs, so the jobs
 * package never imports the capability.
 */
public interface CapabilityJob {

    FeatureJob job();

    /** @param trigger programado, arranque or manual, as the run is recorded */
    JobOutcome run(String trigger) throws SQLException;
}
