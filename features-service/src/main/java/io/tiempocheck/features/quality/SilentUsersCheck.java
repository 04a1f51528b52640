package io.tiempocheck.features.quality;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.jdbc.UtcColumns;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users who usually send at this hour (in the same window on most of their last four same weekdays)
 * but have sent nothing in the last window. Sending is when events were recorded ({@code procesado_en},
 * indexed), not the intervals they describe: a device that uploads late is still sending. One
 * person going quiet is ordinary; many at once point at the extension, ingest or the pipeline.
 */
@ApplicationScoped
public class SilentUsersCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(25, 50);
    private static final int WEEKS = 4;

    private final AgroalDataSource dataSource;
    private final QualityConfig config;

    public SilentUsersCheck(AgroalDataSource dataSource, QualityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public String id() {
        return "usuarios_silenciosos";
    }

    @Override
    public String group() {
        return "frescura";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        Duration window = config.silenceWindow();
        StringBuilder sql = new StringBuilder("SELECT usuario_id FROM (");
        for (int week = 1; week <= WEEKS; week++) {
            sql.append(week == 1 ? "" : " UNION ALL ").append("SELECT DISTINCT usuario_id, ").append(week)
                    .append(" AS semana FROM registro WHERE procesado_en >= ? AND procesado_en < ?");
        }
        sql.append(") habituales GROUP BY usuario_id HAVING COUNT(*) >= ? ORDER BY usuario_id");
        List<Long> usual = new ArrayList<>();
        Set<Long> recent = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int index = 1;
                for (int week = 1; week <= WEEKS; week++) {
                    Instant end = now.minus(Duration.ofDays(7L * week));
                    statement.setObject(index++, UtcColumns.utc(end.minus(window)));
                    statement.setObject(index++, UtcColumns.utc(end));
                }
                statement.setInt(index, config.usualSenderWeeks());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        usual.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT DISTINCT usuario_id FROM registro WHERE procesado_en >= ?")) {
                statement.setObject(1, UtcColumns.utc(now.minus(window)));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        recent.add(rows.getLong(1));
                    }
                }
            }
        }
        List<Long> silent = usual.stream().filter(user -> !recent.contains(user)).toList();
        double share = usual.isEmpty() ? 0 : 100.0 * silent.size() / usual.size();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("remitentes_habituales", usual.size());
        detail.put("silenciosos", silent.size());
        detail.put("usuarios", silent.stream().limit(config.detailLimit()).toList());
        String span = Verdicts.duration(window.toSeconds());
        return List.of(Verdicts.judge(this, config.thresholds(id(), DEFAULTS), share, "%",
                usual.isEmpty() ? "Nadie suele enviar a esta hora; no hay a quién echar de menos."
                        : silent.size() + " de los " + usual.size() + " usuarios que suelen enviar a esta hora no han enviado"
                                + " nada en " + span + ".",
                silent.size() + " de los " + usual.size() + " usuarios que suelen enviar a esta hora (" + Verdicts.percent(share)
                        + " %) no han enviado nada en " + span + ". Si son muchos a la vez, compruebe la extensión,"
                        + " ingest-service (rechazos, límites) y el broker; si es uno, pregúntele.",
                detail));
    }
}
