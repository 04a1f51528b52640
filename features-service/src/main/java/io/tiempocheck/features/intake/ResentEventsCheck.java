package io.tiempocheck.features.intake;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.intake.EntradaSql.AnomalySums;
import io.tiempocheck.features.quality.CheckResult;
import io.tiempocheck.features.quality.CheckState;
import io.tiempocheck.features.quality.QualityCheck;
import io.tiempocheck.features.quality.QualityConfig;
import io.tiempocheck.features.quality.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * duplicados_reenviados: events received in the last hour whose event_id registro already held from an earlier
 * request (counted once all the same). Kafka's own redeliveries are not resends and are not counted.
 */
@ApplicationScoped
public class ResentEventsCheck implements QualityCheck {

    public static final String ID = "duplicados_reenviados";

    /** Copies of stored events sent again: retries over a poor network are normal, a loop resending is not. */
    private static final Thresholds DEFAULTS = new Thresholds(50, 500);

    private final AgroalDataSource dataSource;
    private final EntradaSql sql;
    private final Thresholds thresholds;

    public ResentEventsCheck(AgroalDataSource dataSource, EntradaSql sql, QualityConfig quality) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.thresholds = quality.thresholds(ID, DEFAULTS);
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
            return List.of(judge(sql.anomalies(connection, since, EntradaWindow.TOP_USERS), since, thresholds));
        }
    }

    static CheckResult judge(AnomalySums sums, Instant since, Thresholds thresholds) {
        CheckState state = thresholds.classify(sums.resent());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("desde", since.toString());
        detail.put("por_usuario", EntradaWindow.users(sums.topResent()));
        return new CheckResult(ID, EntradaWindow.GROUP, state, sums.resent(), "eventos", thresholds, message(sums, since, state), detail);
    }

    private static String message(AnomalySums sums, Instant since, CheckState state) {
        String from = EntradaWindow.hour(since);
        if (sums.resent() == 0) {
            return "Ningún evento reenviado con un event_id ya guardado desde las " + from + ".";
        }
        var user = sums.topResent().get(0);
        String what = sums.resent() + (sums.resent() == 1 ? " evento llegó" : " eventos llegaron") + " otra vez con un event_id ya guardado"
                + " desde las " + from + "; el usuario con más es el " + user.userId() + " (" + user.count() + ").";
        if (state == CheckState.VERDE) {
            return what + " Se cuentan una sola vez y están por debajo del umbral: nada que hacer.";
        }
        return what + " Se cuentan una sola vez, pero tantos reintentos indican que esos dispositivos no reciben la respuesta 202"
                + " (red o proxy que corta, tiempo de espera corto) o que la extensión reenvía lotes ya aceptados: revise su conexión"
                + " y la versión de la extensión.";
    }
}
