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

/** User-hours whose hourly rows add up to more than an hour: devices whose time overlaps. */
@ApplicationScoped
public class HoursOver3600sCheck implements QualityCheck {

    private static final long HOUR_SECONDS = 3600;
    private static final Thresholds DEFAULTS = new Thresholds(1, 24);

    private final AgroalDataSource dataSource;
    private final QualityConfig config;

    public HoursOver3600sCheck(AgroalDataSource dataSource, QualityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public String id() {
        return "horas_sobre_3600s";
    }

    @Override
    public String group() {
        return "plausibilidad";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        LocalDate to = Verdicts.utcDay(now).plusDays(1);
        LocalDate from = to.minusDays(config.plausibilityWindowDays());
        List<Map<String, Object>> hours = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<Long> users : TableUsers.groups(TableUsers.of(connection, "features_horarias"))) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT usuario_id, dia, hora,"
                        + " SUM(segundos) AS total FROM features_horarias WHERE usuario_id IN (" + TableUsers.placeholders(users)
                        + ") AND dia BETWEEN ? AND ? GROUP BY usuario_id, dia, hora HAVING total > ?")) {
                    int index = TableUsers.bind(statement, 1, users);
                    statement.setObject(index++, from);
                    statement.setObject(index++, to);
                    statement.setLong(index, HOUR_SECONDS);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("usuario_id", rows.getLong(1));
                            entry.put("dia", rows.getString(2));
                            entry.put("hora", rows.getInt(3));
                            entry.put("segundos", rows.getLong(4));
                            hours.add(entry);
                        }
                    }
                }
            }
        }
        long count = hours.size();
        hours.sort(Comparator.comparingLong((Map<String, Object> entry) -> ((Number) entry.get("segundos")).longValue())
                .reversed());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("desde", from.toString());
        detail.put("hasta", to.toString());
        detail.put("horas", hours.stream().limit(config.detailLimit()).toList());
        String green = "Ninguna hora de ningún usuario del " + from + " al " + to + " pasa de 3600 s.";
        String problem = hours.isEmpty() ? green : count + " horas-usuario suman más de 3600 s (la mayor, "
                + hours.get(0).get("segundos") + " s, del usuario " + hours.get(0).get("usuario_id") + " el "
                + hours.get(0).get("dia") + " a las " + hours.get(0).get("hora") + " h): dispositivos que se solapan."
                + " Revise sus eventos en registro por device_id y reconstruya esos días con POST /admin/api/features_rebuild.";
        return List.of(Verdicts.judge(this, config.thresholds(id(), DEFAULTS), count, "horas_usuario", green, problem, detail));
    }
}
