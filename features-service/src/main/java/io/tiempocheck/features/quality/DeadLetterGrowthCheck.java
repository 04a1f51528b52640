package io.tiempocheck.features.quality;

import io.tiempocheck.features.health.ConsumerLagProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records added to the dead-letter topic since the previous run, from its end offsets: the previous
 * run's offsets are read from its stored detalle, so the growth is measured between runs whichever
 * replica made them. The first run (no previous offsets) only records where the topic stands.
 */
@ApplicationScoped
public class DeadLetterGrowthCheck implements QualityCheck {

    private static final Thresholds DEFAULTS = new Thresholds(1, 100);

    private final ConsumerLagProbe probe;
    private final QualityRepository repository;
    private final QualityConfig config;
    private final String topic;

    public DeadLetterGrowthCheck(ConsumerLagProbe probe, QualityRepository repository, QualityConfig config,
            @ConfigProperty(name = "tiempocheck.topics.usage-events-dlq") String topic) {
        this.probe = probe;
        this.repository = repository;
        this.config = config;
        this.topic = topic;
    }

    @Override
    public String id() {
        return "dlq_crecimiento";
    }

    @Override
    public String group() {
        return "pipeline";
    }

    @Override
    public List<CheckResult> evaluate(Instant now) throws SQLException {
        Map<String, Object> previousDetail = repository.lastDetail(id()).orElse(Map.of());
        Map<String, Long> previous = offsets(previousDetail.get("offsets"));
        Thresholds thresholds = config.thresholds(id(), DEFAULTS);
        Map<Integer, Long> current;
        try {
            current = probe.endOffsets(topic);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The previous offsets stay the baseline: what arrives during the outage is counted once the broker answers.
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("topic", topic);
            detail.put("offsets", previous);
            detail.put("error", e.toString());
            return List.of(new CheckResult(id(), group(), CheckState.ROJO, 0, "eventos", thresholds,
                    "No se pudo leer el topic de mensajes muertos " + topic + ": " + e.getMessage()
                            + ". Compruebe que el broker responde a features-service.", detail));
        }
        boolean baseline = !previousDetail.containsKey("offsets");
        long growth = 0;
        Map<String, Long> offsets = new TreeMap<>();
        Map<String, Long> byPartition = new TreeMap<>();
        for (var partition : current.entrySet()) {
            String key = String.valueOf(partition.getKey());
            offsets.put(key, partition.getValue());
            long added = baseline ? 0 : Math.max(0, partition.getValue() - previous.getOrDefault(key, 0L));
            if (added > 0) {
                byPartition.put(key, added);
            }
            growth += added;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("topic", topic);
        detail.put("offsets", offsets);
        detail.put("nuevos_por_particion", byPartition);
        detail.put("total", offsets.values().stream().mapToLong(Long::longValue).sum());
        return List.of(Verdicts.judge(this, thresholds, growth, "eventos",
                baseline ? "Primera medida del topic de mensajes muertos " + topic + "; la próxima ejecución dirá cuánto crece."
                        : "Ningún evento nuevo en el topic de mensajes muertos desde la ejecución anterior.",
                growth + " eventos nuevos en el topic de mensajes muertos " + topic + " desde la ejecución anterior: el"
                        + " consumidor los apartó por inválidos. Léalos (kafka-console-consumer) para ver qué cliente envía"
                        + " eventos mal formados; no se pierden, pero no cuentan en las features.",
                detail));
    }

    private static Map<String, Long> offsets(Object stored) {
        Map<String, Long> offsets = new TreeMap<>();
        if (stored instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value instanceof Number number) {
                    offsets.put(String.valueOf(key), number.longValue());
                }
            });
        }
        return offsets;
    }
}
