package io.tiempocheck.features.quality;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sites whose time today (UTC day) is far above their own history for the same user: more than the
 * mean plus some standard deviations of the last days (days without the site count as zero), and
 * above a floor, so a site used for minutes is never an alarm. A new site has no history: over the
 * floor, it is unusual too. Only today's sites over the floor are looked up in the history.
 */
@ApplicationScoped
public class UnusualSitesCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(1, 10);

    private final AgroalDataSource dataSource;
    private final QualityConfig config;

    public UnusualSitesCheck(AgroalDataSource dataSource, QualityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public String id() {
        return "sitios_inusuales";
    }

    @Override
    public String group() {
        return "plausibilidad";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        LocalDate today = Verdicts.utcDay(now);
        int days = config.unusualHistoryDays();
        List<Map<String, Object>> unusual = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT t.usuario_id, t.dominio, t.segundos,"
                     + " COALESCE(SUM(h.segundos), 0), COALESCE(SUM(h.segundos * h.segundos), 0)"
                     + " FROM features_diarias t LEFT JOIN features_diarias h ON h.usuario_id = t.usuario_id"
                     + " AND h.dia BETWEEN ? AND ? AND h.dominio = t.dominio"
                     + " WHERE t.dia = ? AND t.segundos >= ? GROUP BY t.usuario_id, t.dominio, t.segundos")) {
            statement.setObject(1, today.minusDays(days));
            statement.setObject(2, today.minusDays(1));
            statement.setObject(3, today);
            statement.setLong(4, config.unusualFloorSeconds());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long seconds = rows.getLong(3);
                    double mean = rows.getDouble(4) / days;
                    double deviation = Math.sqrt(Math.max(0, rows.getDouble(5) / days - mean * mean));
                    if (seconds > mean + config.unusualSigmas() * deviation) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("usuario_id", rows.getLong(1));
                        entry.put("dominio", rows.getString(2));
                        entry.put("segundos", seconds);
                        entry.put("media", Math.round(mean));
                        entry.put("desviacion", Math.round(deviation));
                        unusual.add(entry);
                    }
                }
            }
        }
        unusual.sort(Comparator.comparingLong((Map<String, Object> entry) -> ((Number) entry.get("segundos")).longValue())
                .reversed());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("dia", today.toString());
        detail.put("dias_historia", days);
        detail.put("sitios", unusual.stream().limit(config.detailLimit()).toList());
        String green = "Ningún sitio tiene hoy un tiempo fuera de lo habitual para su usuario.";
        String problem = unusual.isEmpty() ? green : unusual.size() + " sitios llevan hoy mucho más tiempo del habitual"
                + " (el mayor, " + unusual.get(0).get("dominio") + " del usuario " + unusual.get(0).get("usuario_id") + ": "
                + Verdicts.duration(((Number) unusual.get(0).get("segundos")).longValue()) + " frente a una media de "
                + Verdicts.duration(((Number) unusual.get(0).get("media")).longValue()) + "). Compruebe si es uso real o una"
                + " pestaña olvidada o un dispositivo que no deja de enviar.";
        return List.of(Verdicts.judge(this, config.thresholds(id(), DEFAULTS), unusual.size(), "sitios", green, problem,
                detail));
    }
}
