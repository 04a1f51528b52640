package io.tiempocheck.features.quality;

import io.tiempocheck.features.qa.QaService;
import io.tiempocheck.features.store.DayQa;
import io.tiempocheck.features.store.FeatureScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The existing QA over the last days of every user: user-days whose hours, day and registro disagree. */
@ApplicationScoped
public class QaDeltasCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(1, 1);

    private final QaService qa;
    private final QualityConfig config;

    public QaDeltasCheck(QaService qa, QualityConfig config) {
        this.qa = qa;
        this.config = config;
    }

    @Override
    public String id() {
        return "qa_deltas";
    }

    @Override
    public String group() {
        return "qa";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        // The local days of every zone: from the window's first UTC day minus one to tomorrow (UTC).
        LocalDate today = Verdicts.utcDay(now);
        LocalDate from = today.minusDays(config.qaWindowDays());
        LocalDate to = today.plusDays(1);
        List<DayQa> days = qa.daysWithDelta(FeatureScope.allUsers(from, to));
        long largest = days.stream().mapToLong(DayQa::largestDelta).max().orElse(0);
        List<Map<String, Object>> listed = days.stream().sorted(Comparator.comparingLong(DayQa::largestDelta).reversed())
                .limit(config.detailLimit()).map(day -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("usuario_id", day.userId());
                    entry.put("dia", day.day().toString());
                    entry.put("delta", day.largestDelta());
                    return entry;
                }).toList();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("desde", from.toString());
        detail.put("hasta", to.toString());
        detail.put("mayor_delta_segundos", largest);
        detail.put("dias", listed);
        String range = "del " + from + " al " + to;
        String green = "Horas, día y registro coinciden en todos los días-usuario " + range + ".";
        String problem = days.isEmpty() ? green : days.size() + " días-usuario " + range
                + " no cuadran entre horas, día y registro (mayor delta " + Verdicts.duration(largest) + ", usuario "
                + listed.get(0).get("usuario_id") + " el " + listed.get(0).get("dia") + "). Reconstruya esos días con"
                + " POST /admin/api/features_rebuild (dia y usuario_id) o espere a features_catchup, y busque qué los escribió.";
        return List.of(Verdicts.judge(this, config.thresholds(id(), DEFAULTS), days.size(), "dias_usuario",
                green, problem, detail));
    }
}
