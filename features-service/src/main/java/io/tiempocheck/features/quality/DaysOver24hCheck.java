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
 * User-days whose daily rows add up to more than a day. One device never counts a second twice
 * (the consumer trims its overlaps), so this is several devices counting the same time, or a clock gone wrong.
 */
@ApplicationScoped
public class DaysOver24hCheck implements QualityCheck {

    static final long DAY_SECONDS = 86_400;
    private static final Thresholds DEFAULTS = new Thresholds(1, 1);

    private final AgroalDataSource dataSource;
    private final QualityConfig config;

    public DaysOver24hCheck(AgroalDataSource dataSource, QualityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public String id() {
        return "dias_sobre_24h";
    }

    @Override
    public String group() {
        return "plausibilidad";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        LocalDate to = Verdicts.utcDay(now).plusDays(1);
        LocalDate from = to.minusDays(config.plausibilityWindowDays());
        List<Map<String, Object>> days = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<Long> users : TableUsers.groups(TableUsers.of(connection, "features_diarias"))) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT usuario_id, dia, SUM(segundos) AS total"
                        + " FROM features_diarias WHERE usuario_id IN (" + TableUsers.placeholders(users) + ")"
                        + " AND dia BETWEEN ? AND ? GROUP BY usuario_id, dia HAVING total > ?")) {
                    int index = TableUsers.bind(statement, 1, users);
                    statement.setObject(index++, from);
                    statement.setObject(index++, to);
                    statement.setLong(index, DAY_SECONDS);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("usuario_id", rows.getLong(1));
                            entry.put("dia", rows.getString(2));
                            entry.put("segundos", rows.getLong(3));
                            days.add(entry);
                        }
                    }
                }
            }
        }
        days.sort(Comparator.comparingLong((Map<String, Object> entry) -> ((Number) entry.get("segundos")).longValue())
                .reversed());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("desde", from.toString());
        detail.put("hasta", to.toString());
        detail.put("dias", days.stream().limit(config.detailLimit()).toList());
        String green = "Ningún día-usuario del " + from + " al " + to + " pasa de 24 h.";
        String problem = days.isEmpty() ? green : days.size() + " días-usuario suman más de 24 h (el mayor, "
                + Verdicts.duration(((Number) days.get(0).get("segundos")).longValue()) + ", del usuario "
                + days.get(0).get("usuario_id") + " el " + days.get(0).get("dia") + "): varios dispositivos cuentan el mismo"
                + " tiempo o un reloj va mal. Revise sus eventos en registro por device_id, borre los del dispositivo que"
                + " sobra y reconstruya el día con POST /admin/api/features_rebuild.";
        return List.of(Verdicts.judge(this, config.thresholds(id(), DEFAULTS), days.size(), "dias_usuario", green, problem,
                detail));
    }
}
