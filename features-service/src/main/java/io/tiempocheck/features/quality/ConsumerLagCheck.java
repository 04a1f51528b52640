package io.tiempocheck.features.quality;

import io.tiempocheck.features.health.ConsumerLagProbe;
import io.tiempocheck.features.health.ConsumerLagProbe.ConsumerLag;
import io.tiempocheck.features.health.ConsumerLagProbe.PartitionLag;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The consumer group's lag on the usage-event topic, partition by partition: the worst partition decides. */
@ApplicationScoped
public class ConsumerLagCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(1000, 10000);

    private final ConsumerLagProbe probe;
    private final QualityConfig config;

    public ConsumerLagCheck(ConsumerLagProbe probe, QualityConfig config) {
        this.probe = probe;
        this.config = config;
    }

    @Override
    public String id() {
        return "lag_consumidor";
    }

    @Override
    public String group() {
        return "pipeline";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) {
        ConsumerLag lag = probe.measure();
        Thresholds thresholds = config.thresholds(id(), DEFAULTS);
        if (lag.error() != null) {
            return List.of(new CheckResult(id(), group(), CheckState.ROJO, 0, "eventos", thresholds,
                    "No se pudo medir el lag del consumidor: " + lag.error() + ". Compruebe que el broker responde a"
                            + " features-service.", Map.of("error", lag.error())));
        }
        PartitionLag worst = lag.partitions().stream().max((a, b) -> Long.compare(a.lag(), b.lag())).orElse(null);
        long max = worst == null ? 0 : worst.lag();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("grupo", lag.group());
        detail.put("topic", lag.topic());
        detail.put("lag_total", lag.total());
        detail.put("particiones", lag.partitions());
        return List.of(Verdicts.judge(this, thresholds, max, "eventos",
                "El consumidor está al día: " + lag.total() + " eventos pendientes en total.",
                "La partición " + (worst == null ? "-" : worst.partition()) + " de " + lag.topic() + " va " + max
                        + " eventos detrás (" + lag.total() + " en total). Compruebe que el consumidor de features-service"
                        + " corre (/q/health/ready) y que la base de datos no lo frena; si se paró, reinícielo.",
                detail));
    }
}
