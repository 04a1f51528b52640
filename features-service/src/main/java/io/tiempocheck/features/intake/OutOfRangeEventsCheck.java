package io.tiempocheck.features.intake;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.intake.EntradaSql.AnomalySums;
import io.tiempocheck.features.intake.EntradaSql.OutOfRangeCount;
import io.tiempocheck.features.quality.CheckResult;
import io.tiempocheck.features.quality.CheckState;
import io.tiempocheck.features.quality.QualityCheck;
import io.tiempocheck.features.quality.QualityConfig;
import io.tiempocheck.features.quality.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * eventos_fuera_de_rango: new events received in the last hour that start after their reception, or more than
 * {@code tiempocheck.features.consumer.old-event-age} (30 days) before it. ingest accepts both (a clock a few minutes
 * fast, an offline queue, an import), so they are stored; many of them mean a wrong clock.
 */
@ApplicationScoped
public class OutOfRangeEventsCheck implements QualityCheck {

    public static final String ID = "eventos_fuera_de_rango";

    /** Accepted events from the future or long past: a wrong device clock, or an import of old history. */
    private static final Thresholds DEFAULTS = new Thresholds(10, 100);

    private final AgroalDataSource dataSource;
    private final EntradaSql sql;
    private final Thresholds thresholds;
    private final Duration oldEventAge;

    public OutOfRangeEventsCheck(AgroalDataSource dataSource, EntradaSql sql, QualityConfig quality, FeaturesConfig config) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.thresholds = quality.thresholds(ID, DEFAULTS);
        this.oldEventAge = config.consumer().oldEventAge();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String group() {
        return EntradaWindow.GROUP;
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        Instant since = EntradaWindow.since(now);
        try (Connection connection = dataSource.getConnection()) {
            return List.of(judge(sql.anomalies(connection, since, EntradaWindow.TOP_USERS), since, thresholds, oldEventAge));
        }
    }

    static CheckResult judge(AnomalySums sums, Instant since, Thresholds thresholds, Duration oldEventAge) {
        long total = sums.future() + sums.old();
        CheckState state = thresholds.classify(total);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("desde", since.toString());
        detail.put("futuros", sums.future());
        detail.put("antiguos", sums.old());
        detail.put("antiguedad_dias", oldEventAge.toDays());
        List<Map<String, Object>> users = new ArrayList<>();
        for (OutOfRangeCount user : sums.topOutOfRange()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("usuario_id", user.userId());
            row.put("futuros", user.future());
            row.put("antiguos", user.old());
            users.add(row);
        }
        detail.put("por_usuario", users);
        return new CheckResult(ID, EntradaWindow.GROUP, state, total, "eventos", thresholds,
                message(sums, since, state, oldEventAge.toDays()), detail);
    }

    private static String message(AnomalySums sums, Instant since, CheckState state, long days) {
        String from = EntradaWindow.hour(since);
        long total = sums.future() + sums.old();
        if (total == 0) {
            return "Ningún evento aceptado desde las " + from + " empieza en el futuro ni más de " + days + " días antes de llegar.";
        }
        OutOfRangeCount user = sums.topOutOfRange().get(0);
        String what = total + (total == 1 ? " evento aceptado" : " eventos aceptados") + " desde las " + from + " empiezan fuera de rango: "
                + sums.future() + " en el futuro y " + sums.old() + " más de " + days + " días antes de llegar; el usuario con más es el "
                + user.userId() + " (" + (user.future() + user.old()) + ").";
        if (state == CheckState.VERDE) {
            return what + " Por debajo del umbral: nada que hacer.";
        }
        return what + (sums.future() >= sums.old()
                ? " Casi siempre es el reloj del dispositivo adelantado: pida a esos usuarios que lo ajusten; sus horas y días quedan desplazados."
                : " Si es una importación de historial antiguo es lo esperado; si no, el reloj del dispositivo está atrasado: pida a esos usuarios que lo ajusten.");
    }
}
