package io.tiempocheck.features.quality;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.jdbc.UtcColumns;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How long ago the newest event of anyone was recorded: nothing for long means the pipeline, not the users, stopped. */
@ApplicationScoped
public class EventFreshnessCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(900, 3600);

    private final AgroalDataSource dataSource;
    private final QualityConfig config;

    public EventFreshnessCheck(AgroalDataSource dataSource, QualityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public String id() {
        return "frescura_eventos";
    }

    @Override
    public String group() {
        return "frescura";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        Instant newest;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MAX(procesado_en) FROM registro")) {
            row.next();
            newest = UtcColumns.instant(row, 1);
        }
        Thresholds thresholds = config.thresholds(id(), DEFAULTS);
        if (newest == null) {
            return List.of(new CheckResult(id(), group(), CheckState.VERDE, 0, "segundos", thresholds,
                    "Aún no se ha registrado ningún evento.", Map.of()));
        }
        long seconds = Math.max(0, Duration.between(newest, now).toSeconds());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("ultimo_evento", newest.toString());
        return List.of(Verdicts.judge(this, thresholds, seconds, "segundos",
                "El último evento se registró hace " + Verdicts.duration(seconds) + ".",
                "No se registra ningún evento desde hace " + Verdicts.duration(seconds) + " (" + newest + "). Compruebe que"
                        + " ingest-service acepta eventos, que el broker responde y que el consumidor de features-service avanza.",
                detail));
    }
}
