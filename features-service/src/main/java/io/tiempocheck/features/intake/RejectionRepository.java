package io.tiempocheck.features.intake;

import io.tiempocheck.common.jdbc.UtcColumns;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Adds records of the rejections topic to {@code rechazos_ingesta} exactly once. Each partition's last applied offset
 * is kept in {@code rechazos_ingesta_posiciones} and moved in the same transaction as the sums, read under a row lock
 * first: a record redelivered after a crash, or handed to a second consumer by a rebalance, is at or below it and
 * adds nothing. (A topic deleted and created again starts its offsets anew: its rows there must be deleted with it.)
 */
@ApplicationScoped
public class RejectionRepository {

    /** One row's key: the UTC hour, the user and the reason. */
    record HourKey(Instant hour, long userId, String reason) implements Comparable<HourKey> {
        @Override
        public int compareTo(HourKey other) {
            int c = hour.compareTo(other.hour);
            if (c == 0) {
                c = Long.compare(userId, other.userId);
            }
            return c != 0 ? c : reason.compareTo(other.reason);
        }
    }

    /** A partition of the topic. */
    record Partition(String topic, int partition) implements Comparable<Partition> {
        @Override
        public int compareTo(Partition other) {
            int c = topic.compareTo(other.topic);
            return c != 0 ? c : Integer.compare(partition, other.partition);
        }
    }

    /**
     * Adds the readable records above their partition's position and moves each partition of {@code read} to the
     * last offset read there (records of erased users, or unreadable ones, are read but add nothing). Returns how
     * many records added to the sums. Call it in a transaction.
     */
    public int apply(Connection connection, List<ReceivedRejection> read, List<ReceivedRejection> counted) throws SQLException {
        SortedMap<Partition, Long> last = new TreeMap<>();
        for (ReceivedRejection record : read) {
            last.merge(new Partition(record.topic(), record.partition()), record.offset(), Math::max);
        }
        // Locked in one order, so two consumers of overlapping partitions (a rebalance) wait instead of deadlocking.
        Map<Partition, Long> applied = new TreeMap<>();
        for (Partition partition : last.keySet()) {
            applied.put(partition, lockPosition(connection, partition));
        }
        SortedMap<HourKey, Long> sums = new TreeMap<>();
        int added = 0;
        for (ReceivedRejection record : counted) {
            if (record.offset() > applied.get(new Partition(record.topic(), record.partition()))) {
                var rejection = record.rejection();
                sums.merge(new HourKey(rejection.momento().truncatedTo(ChronoUnit.HOURS), rejection.usuarioId(), rejection.motivo()),
                        rejection.cantidad(), Long::sum);
                added++;
            }
        }
        addSums(connection, sums);
        try (PreparedStatement advance = connection.prepareStatement(
                "UPDATE rechazos_ingesta_posiciones SET desplazamiento = ? WHERE topico = ? AND particion = ? AND desplazamiento < ?")) {
            for (var partition : last.entrySet()) {
                advance.setLong(1, partition.getValue());
                advance.setString(2, partition.getKey().topic());
                advance.setInt(3, partition.getKey().partition());
                advance.setLong(4, partition.getValue());
                advance.addBatch();
            }
            advance.executeBatch();
        }
        return added;
    }

    private static long lockPosition(Connection connection, Partition partition) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement(
                "INSERT IGNORE INTO rechazos_ingesta_posiciones (topico, particion, desplazamiento) VALUES (?, ?, -1)")) {
            create.setString(1, partition.topic());
            create.setInt(2, partition.partition());
            create.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT desplazamiento FROM rechazos_ingesta_posiciones WHERE topico = ? AND particion = ? FOR UPDATE")) {
            select.setString(1, partition.topic());
            select.setInt(2, partition.partition());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void addSums(Connection connection, SortedMap<HourKey, Long> sums) throws SQLException {
        if (sums.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO rechazos_ingesta (hora, usuario_id, motivo, cantidad) VALUES "
                + String.join(",", Collections.nCopies(sums.size(), "(?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE cantidad = cantidad + VALUES(cantidad)")) {
            int i = 1;
            for (var sum : sums.entrySet()) {
                upsert.setObject(i++, UtcColumns.utc(sum.getKey().hour()));
                upsert.setLong(i++, sum.getKey().userId());
                upsert.setString(i++, sum.getKey().reason());
                upsert.setLong(i++, sum.getValue());
            }
            upsert.executeUpdate();
        }
    }
}
