package io.tiempocheck.features.jobs;

import java.util.Arrays;
import java.util.Optional;

/** The feature store's scheduled jobs, by the seed's names. */
public enum FeatureJob {
    HOURLY("features_horarias"),
    DAILY("features_diarias"),
    CATCHUP("features_catchup"),
    /** The data-quality checks; their work is the quality package's {@link CapabilityJob}. */
    QA_DATOS("qa_datos");

    private final String id;

    FeatureJob(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<FeatureJob> byId(String id) {
        return Arrays.stream(values()).filter(job -> job.id.equals(id)).findFirst();
    }
}
