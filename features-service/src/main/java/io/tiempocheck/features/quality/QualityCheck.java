package io.tiempocheck.features.quality;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A data-quality check. Implementations are {@code @ApplicationScoped} beans; the qa_datos job
 * collects every one of them, so a new check needs no wiring beyond its own class.
 */
public interface QualityCheck {

    String id();

    String group();

    /** One or more results (usually one) for the system as it is at {@code now}. */
    List<CheckResult> evaluate(Instant now) throws SQLException;
}
