package io.tiempocheck.features.jobs;

import io.tiempocheck.features.rebuild.RebuildResult;
/** What one job run did: aggregate rows written and user-days rebuilt (or closed). */
public record JobOutcome(long rows, int days) {

    public JobOutcome plus(JobOutcome other) {
        return new JobOutcome(rows + other.rows, days + other.days);
    }

    static JobOutcome of(RebuildResult result) {
        return new JobOutcome(result.rowsWritten(), result.daysRebuilt());
    }
}
