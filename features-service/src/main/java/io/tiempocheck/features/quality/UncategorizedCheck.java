package io.tiempocheck.features.quality;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.store.CategoryLookup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The share of the last days' time in "Sin categoría", and the uncategorised sites with most of it. */
@ApplicationScoped
public class UncategorizedCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(20, 50);

    private final AgroalDataSource dataSource;
    private final QualityConfig config;

    public UncategorizedCheck(AgroalDataSource dataSource, QualityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public String id() {
        return "sin_categoria";
    }

    @Override
    public String group() {
        return "cobertura";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        // Tomorrow (UTC) too: it is already today in the zones east of UTC.
        LocalDate to = Verdicts.utcDay(now).plusDays(1);
        LocalDate from = to.minusDays(config.coverageDays());
        long total;
        long uncategorized;
        List<Map<String, Object>> sites = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(SUM(segundos), 0),"
                    + " COALESCE(SUM(CASE WHEN categoria = ? THEN segundos ELSE 0 END), 0)"
                    + " FROM features_diarias WHERE dia BETWEEN ? AND ?")) {
                statement.setString(1, CategoryLookup.UNCATEGORIZED);
                statement.setObject(2, from);
                statement.setObject(3, to);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                    uncategorized = row.getLong(2);
                }
            }
            if (uncategorized > 0) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT dominio, SUM(segundos) AS total"
                        + " FROM features_diarias WHERE dia BETWEEN ? AND ? AND categoria = ?"
                        + " GROUP BY dominio ORDER BY total DESC, dominio LIMIT ?")) {
                    statement.setObject(1, from);
                    statement.setObject(2, to);
                    statement.setString(3, CategoryLookup.UNCATEGORIZED);
                    statement.setInt(4, config.detailLimit());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("dominio", rows.getString(1));
                            entry.put("segundos", rows.getLong(2));
                            sites.add(entry);
                        }
                    }
                }
            }
        }
        double share = total == 0 ? 0 : 100.0 * uncategorized / total;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("desde", from.toString());
        detail.put("hasta", to.toString());
        detail.put("segundos_total", total);
        detail.put("segundos_sin_categoria", uncategorized);
        detail.put("sitios", sites);
        String top = sites.stream().limit(3).map(site -> site.get("dominio") + " ("
                + Verdicts.duration(((Number) site.get("segundos")).longValue()) + ")").reduce((a, b) -> a + ", " + b).orElse("");
        String summary = "El " + Verdicts.percent(share) + " % del tiempo del " + from + " al " + to + " está en "
                + CategoryLookup.UNCATEGORIZED;
        return List.of(Verdicts.judge(this, config.thresholds(id(), DEFAULTS), share, "%",
                summary + (top.isEmpty() ? "." : "; los sitios con más: " + top + "."),
                summary + ", sobre todo " + top + ". Asigne una categoría a esos sitios en el panel de operación (/admin/categorias, o"
                        + " PUT /admin/api/categorias/{dominio}); su historia se recategoriza al momento.",
                detail));
    }
}
