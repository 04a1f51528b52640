package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random but reproducible usage for property-style tests, with what it must add up to, and the
 * readers that take the feature store's aggregates and recompute them from {@code registro}.
 */
final class RandomTraffic {

    /** As sent (left) and as it must be stored (right). */
    private static final String[][] DOMAINS = {
            {"www.youtube.com", "youtube.com"}, {"m.youtube.com", "youtube.com"}, {"https://github.com/x/y", "github.com"},
            {"docs.google.com", "google.com"}, {"es.wikipedia.org", "wikipedia.org"}, {"news.bbc.co.uk", "bbc.co.uk"},
            {"www.amazon.com.mx", "amazon.com.mx"}, {"sitio-raro.example.mx", "example.mx"}, {"WWW.Reddit.com", "reddit.com"}};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.ofHours(-6), ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHoursMinutes(5, 30)};

    /** Every instant of the traffic is after this one: the origin of the devices' counted seconds. */
    private static final long ORIGIN = OffsetDateTime.parse("2026-01-30T00:00:00Z").toEpochSecond();

    private final Random random;
    final Map<String, Long> expected = Events.newUsage();
    /** The seconds each user's one device has counted so far, in the order the events are sent. */
    private final Map<User, BitSet> counted = new HashMap<>();

    RandomTraffic(long seed) {
        this.random = new Random(seed);
    }

    /** A batch as one user's browser sends it. */
    record Batch(User owner, List<Map<String, Object>> events) {
    }

    /**
     * {@code count} events for the given users over ten days, in batches, each added to {@link #expected}
     * with only the seconds its user's device had not counted yet (each user has one device): the batches
     * must be sent in the order returned, as the consumer counts them in the order they arrive.
     */
    List<Batch> batchesFor(Map<User, ZoneId> users, int count, int batchSize) {
        List<User> people = new ArrayList<>(users.keySet());
        Map<User, List<Map<String, Object>>> byUser = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            User user = people.get(random.nextInt(people.size()));
            String[] domain = DOMAINS[random.nextInt(DOMAINS.length)];
            OffsetDateTime start = LocalDateTime.of(2026, 2, 1, 0, 0).plusSeconds(random.nextInt(10 * 86_400))
                    .atOffset(OFFSETS[random.nextInt(OFFSETS.length)]);
            int seconds = 1 + random.nextInt(random.nextBoolean() ? 3600 : 120);
            byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(Events.event(domain[0], start.toString(), seconds));
            BitSet device = counted.computeIfAbsent(user, u -> new BitSet());
            for (int second = 0; second < seconds; second++) {
                int index = (int) (start.toEpochSecond() + second - ORIGIN);
                if (!device.get(index)) {
                    device.set(index);
                    Events.addSecondBySecond(expected, user.id(), domain[1], start.plusSeconds(second), 1, users.get(user));
                }
            }
        }
        List<Batch> batches = new ArrayList<>();
        byUser.forEach((user, events) -> {
            for (int from = 0; from < events.size(); from += batchSize) {
                batches.add(new Batch(user, events.subList(from, Math.min(events.size(), from + batchSize))));
            }
        });
        return batches;
    }

    /** features_horarias as stored, keyed like {@link Events#hourKey}: user|day|hour|domain. */
    static Map<String, Long> storedHourly(Connection db) throws SQLException {
        return secondsByKey(db, "SELECT CONCAT_WS('|', usuario_id, dia, hora, dominio), segundos FROM features_horarias");
    }

    /** features_diarias as stored, keyed user|day|domain. */
    static Map<String, Long> storedDaily(Connection db) throws SQLException {
        return secondsByKey(db, "SELECT CONCAT_WS('|', usuario_id, dia, dominio), segundos FROM features_diarias");
    }

    private static Map<String, Long> secondsByKey(Connection db, String sql) throws SQLException {
        Map<String, Long> stored = Events.newUsage();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getLong(2));
            }
        }
        return stored;
    }

    /** The hourly aggregates recomputed from scratch out of registro: each event's counted seconds in its hour slots. */
    static Map<String, Long> recomputedFromRegistro(Connection db) throws SQLException {
        Map<String, Long> usage = Events.newUsage();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT usuario_id, dominio, dia, hora, segundos, dia_2, hora_2, segundos_2 FROM registro")) {
            while (rows.next()) {
                if (rows.getInt(5) > 0) {
                    usage.merge(Events.hourKey(rows.getLong(1), rows.getObject(3, LocalDate.class), rows.getInt(4), rows.getString(2)),
                            rows.getLong(5), Long::sum);
                }
                if (rows.getInt(8) > 0) {
                    usage.merge(Events.hourKey(rows.getLong(1), rows.getObject(6, LocalDate.class), rows.getInt(7), rows.getString(2)),
                            rows.getLong(8), Long::sum);
                }
            }
        }
        return usage;
    }

    /**
     * Per device (user|device): the seconds counted in registro and the length of the union of the intervals
     * sent, second by second. Equal when no second of a device is counted twice and none is lost.
     */
    static Map<String, long[]> countedAndCoveredByDevice(Connection db) throws SQLException {
        Map<String, BitSet> covered = new HashMap<>();
        Map<String, long[]> result = new TreeMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT usuario_id, device_id, fecha_hora, tiempo, segundos + segundos_2 FROM registro")) {
            while (rows.next()) {
                String device = rows.getLong(1) + "|" + rows.getString(2);
                long start = rows.getObject(3, LocalDateTime.class).toEpochSecond(ZoneOffset.UTC) - ORIGIN;
                covered.computeIfAbsent(device, d -> new BitSet()).set((int) start, (int) start + rows.getInt(4));
                result.computeIfAbsent(device, d -> new long[2])[0] += rows.getLong(5);
            }
        }
        covered.forEach((device, seconds) -> result.get(device)[1] = seconds.cardinality());
        return result;
    }

    /** Days as the sum of their hours, keyed user|day|domain. */
    static Map<String, Long> dailyOf(Map<String, Long> hourly) {
        Map<String, Long> daily = Events.newUsage();
        hourly.forEach((key, seconds) -> {
            String[] parts = key.split("\\|");
            daily.merge(parts[0] + "|" + parts[1] + "|" + parts[3], seconds, Long::sum);
        });
        return daily;
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
