package io.tiempocheck.features.intake;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.event.IngestRejection;
import io.tiempocheck.features.intake.EntradaSql.RejectionSums;
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
 * rechazos_ingesta: what ingest refused in the last hour (events, and batches refused whole), by reason and by user,
 * from {@code rechazos_ingesta}. The sentence names the commonest reason and what usually causes it.
 */
@ApplicationScoped
public class IngestRejectionsCheck implements QualityCheck {

    public static final String ID = "rechazos_ingesta";

    private static final Map<String, String> ADVICE = Map.of(
            "fecha_hora", "compruebe el reloj y la zona horaria de los dispositivos de esos usuarios (fechas sin desfase, del futuro o demasiado antiguas)",
            "dominio", "compruebe qué sitios envía la extensión (no se aceptan IPs, localhost, páginas chrome:// ni dominios mal formados)",
            "tiempo", "compruebe la versión de la extensión (tiempos que no son enteros de 1 a 3600 segundos)",
            "event_id", "compruebe la versión de la extensión (event_id que no son UUID)",
            IngestRejection.NOT_AN_OBJECT, "compruebe el cliente que los envía (elementos de «eventos» que no son objetos JSON)",
            IngestRejection.INVALID_BATCH, "compruebe el cliente que los envía (cuerpos que no son JSON {\"eventos\": [...]} en UTF-8)",
            IngestRejection.OVERSIZED_BATCH, "el cliente debe partir sus lotes (más de 500 eventos o de 1 MiB se rechazan enteros)",
            IngestRejection.WRONG_CONTENT_TYPE, "el cliente debe enviar Content-Type: application/json en UTF-8");

    /** Rejections (events, or whole batches) in the window: a few are a client's slip, a hundred a broken client. */
    private static final Thresholds DEFAULTS = new Thresholds(10, 100);

    private final AgroalDataSource dataSource;
    private final EntradaSql sql;
    private final Thresholds thresholds;

    public IngestRejectionsCheck(AgroalDataSource dataSource, EntradaSql sql, QualityConfig quality) {
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
            return List.of(judge(sql.rejections(connection, since, EntradaWindow.TOP_USERS), since, thresholds));
        }
    }

    static CheckResult judge(RejectionSums sums, Instant since, Thresholds thresholds) {
        CheckState state = thresholds.classify(sums.total());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("desde", since.toString());
        detail.put("por_motivo", sums.byReason());
        detail.put("por_usuario", EntradaWindow.users(sums.topUsers()));
        return new CheckResult(ID, EntradaWindow.GROUP, state, sums.total(), "rechazos", thresholds, message(sums, since, state), detail);
    }

    private static String message(RejectionSums sums, Instant since, CheckState state) {
        String from = EntradaWindow.hour(since);
        if (sums.total() == 0) {
            return "Ningún evento ni lote rechazado en la ingesta desde las " + from + ".";
        }
        var reason = sums.byReason().entrySet().iterator().next();
        var user = sums.topUsers().get(0);
        String what = sums.total() + (sums.total() == 1 ? " rechazo" : " rechazos") + " en la ingesta desde las " + from
                + ", sobre todo por " + reason.getKey() + " (" + reason.getValue() + "); el usuario con más es el "
                + user.userId() + " (" + user.count() + ").";
        if (state == CheckState.VERDE) {
            return what + " Por debajo del umbral: nada que hacer.";
        }
        return what + " Esos datos no se guardan: " + ADVICE.getOrDefault(reason.getKey(), "compruebe el cliente que los envía") + ".";
    }
}
