package io.tiempocheck.features.quality;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.store.AggregateDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregate rows written under an older aggregate definition than features_definicion's newest.
 * features_catchup rebuilds them within its window only; older days wait for a rebuild of their range.
 */
@ApplicationScoped
public class OldSchemaCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(1, 100000);

    private final AgroalDataSource dataSource;
    private final AggregateDefinition definition;
    private final QualityConfig config;

    public OldSchemaCheck(AgroalDataSource dataSource, AggregateDefinition definition, QualityConfig config) {
        this.dataSource = dataSource;
        this.definition = definition;
        this.config = config;
    }

    @Override
    public String id() {
        return "schema_ver_antiguo";
    }

    @Override
    public String group() {
        return "pipeline";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        int version = definition.version();
        long hourly;
        long daily;
        List<Map<String, Object>> days = new ArrayList<>();
        String firstDay = null;
        String lastDay = null;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT"
                    + " (SELECT COUNT(*) FROM features_horarias WHERE schema_ver < ?),"
                    + " (SELECT COUNT(*) FROM features_diarias WHERE schema_ver < ?)")) {
                statement.setInt(1, version);
                statement.setInt(2, version);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    hourly = row.getLong(1);
                    daily = row.getLong(2);
                }
            }
            if (hourly + daily > 0) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(dia), MAX(dia) FROM ("
                        + "SELECT dia FROM features_horarias WHERE schema_ver < ?"
                        + " UNION ALL SELECT dia FROM features_diarias WHERE schema_ver < ?) viejas")) {
                    statement.setInt(1, version);
                    statement.setInt(2, version);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        firstDay = row.getString(1);
                        lastDay = row.getString(2);
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement("SELECT usuario_id, dia, MIN(schema_ver) FROM ("
                        + "SELECT usuario_id, dia, schema_ver FROM features_horarias WHERE schema_ver < ?"
                        + " UNION ALL SELECT usuario_id, dia, schema_ver FROM features_diarias WHERE schema_ver < ?) viejas"
                        + " GROUP BY usuario_id, dia ORDER BY dia, usuario_id LIMIT ?")) {
                    statement.setInt(1, version);
                    statement.setInt(2, version);
                    statement.setInt(3, config.detailLimit());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("usuario_id", rows.getLong(1));
                            entry.put("dia", rows.getString(2));
                            entry.put("schema_ver", rows.getInt(3));
                            days.add(entry);
                        }
                    }
                }
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("schema_ver_actual", version);
        detail.put("filas_horarias", hourly);
        detail.put("filas_diarias", daily);
        detail.put("desde", firstDay);
        detail.put("hasta", lastDay);
        detail.put("dias", days);
        return List.of(Verdicts.judge(this, config.thresholds(id(), DEFAULTS), hourly + daily, "filas",
                "Todas las filas de features están en la definición actual (schema_ver " + version + ").",
                (hourly + daily) + " filas (" + hourly + " horarias, " + daily + " diarias) siguen en una definición anterior a"
                        + " schema_ver " + version + ", del " + firstDay + " al " + lastDay + ". features_catchup solo"
                        + " reconstruye sus últimos días: reconstruya el resto con POST /admin/api/features_rebuild?desde="
                        + firstDay + "&hasta=" + lastDay + ".",
                detail));
    }
}
