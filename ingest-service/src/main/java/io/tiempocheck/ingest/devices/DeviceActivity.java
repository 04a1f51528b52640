package io.tiempocheck.ingest.devices;

import io.quarkus.scheduler.Scheduled;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each device last sent a batch. A batch only notes the time in memory; the notes are written
 * once per interval in one statement batch, so a device costs at most one row update per interval
 * however often it posts, and the intake path never waits for the database. A crash loses at most
 * one interval of "last seen".
 */
@ApplicationScoped
public class DeviceActivity {

    private static final Logger LOG = Logger.getLogger(DeviceActivity.class);

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final AgroalDataSource dataSource;
    private final Clock clock;

    public DeviceActivity(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void seen(String deviceId) {
        if (deviceId != null) {
            pending.put(deviceId, clock.instant());
        }
    }

    @Scheduled(every = "${tiempocheck.dispositivos.visto-cada:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = Map.copyOf(pending);
        // Only the entries still holding the value copied: a newer note stays for the next flush.
        batch.forEach(pending::remove);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE dispositivos SET visto_en = ? WHERE id = ? AND (visto_en IS NULL OR visto_en < ?)")) {
            for (Map.Entry<String, Instant> seen : batch.entrySet()) {
                Timestamp at = Timestamp.from(seen.getValue());
                update.setTimestamp(1, at);
                update.setString(2, seen.getKey());
                update.setTimestamp(3, at);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            LOG.warnf("Could not record when %d devices were last seen: %s", batch.size(), e.toString());
            batch.forEach(pending::putIfAbsent);
        }
    }
}
