package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.Fleet;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static io.tiempocheck.e2e.RandomTraffic.count;

/**
 * Figures, not assertions: the drain rate of a backlog of usage events with 1, 2 and 3 replicas of
 * features-service on this machine's cores, on the topic's deployed partition count. The events go
 * through ingest once, into the system's topic; each replica count then gets a topic, a consumer group
 * and a feature store of its own, its replicas started and their group stable before the same records
 * are copied into its topic, so no replica joins (and no rebalance happens) during the drain. The copy
 * is a plain producer, faster than any drain: the rate is timed from the copy's end to the last insert,
 * over the rows inserted after it. Run with ./bench/scaling.sh; BenchmarkSmokeTest runs it at a smoke size.
 */
@Tag("bench")
class ScalingBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.scaling.events", 200_000);
    private static final int BATCH = 500;
    /** Enough users that every partition holds some. */
    private static final int USERS = 48;
    private static final List<Integer> REPLICAS = Arrays.stream(System.getProperty("bench.scaling.replicas", "1,2,3").split(","))
            .map(String::strip).map(Integer::parseInt).toList();
    private final int partitions = DeployedTopics.partitions(Path.of(System.getProperty("tiempocheck.root", ".."))
            .toAbsolutePath().normalize()).get("tiempocheck.usage-events.v1");
    private int consumers;
    private final BenchReport report = new BenchReport("TiempoCheck scale-out benchmark", "scaling-benchmark.txt");

    Path reportFile() {
        return report.file();
    }

    @Test
    void measure() throws Exception {
        consumers = IngestPipelineBenchmark.consumerConcurrency();
        try (TiempoCheckSystem system = new TiempoCheckSystem().withDeployedPartitions()) {
            system.startIngest();
            List<User> users = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                users.add(system.createUser("scaling-" + u, "UTC"));
            }
            report.figure("machine", "%d cores, load average %s", Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            preload(system, users);
            List<ConsumerRecord<byte[], byte[]>> backlog = read(system.eventsTopic, EVENTS);
            double bytes = backlog.stream().mapToLong(r -> r.value().length + (r.key() == null ? 0 : r.key().length)).average().orElse(0);
            report.figure("backlog", "%,d events of %d users through ingest, %.0f bytes per record (key and value), %d partitions,"
                    + " %d consumers per replica", backlog.size(), USERS, bytes, partitions, consumers);
            Map<Integer, Double> rates = new LinkedHashMap<>();
            for (int replicas : REPLICAS) {
                rates.put(replicas, drain(system, replicas, backlog));
            }
            double one = rates.getOrDefault(1, Double.NaN);
            StringBuilder speedup = new StringBuilder();
            rates.forEach((replicas, rate) -> speedup.append(speedup.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%d replicas %.2f", replicas, rate / one)));
            report.figure("drain.speed-up", "against 1 replica: %s", speedup);
        }
    }

    private void preload(TiempoCheckSystem system, List<User> users) {
        OffsetDateTime[] next = new OffsetDateTime[users.size()];
        Arrays.fill(next, OffsetDateTime.parse("2026-11-01T00:00:00Z"));
        String[] domains = {"www.youtube.com", "github.com", "es.wikipedia.org", "news.bbc.co.uk", "www.netflix.com"};
        for (int b = 0; b < EVENTS / BATCH; b++) {
            int u = b % users.size();
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                // As the extension cuts a stay: whole minutes, and a shorter piece at each change of site.
                int seconds = i % 4 == 3 ? 1 + (b + i * 7) % 59 : 60;
                events.add(event(UUID.randomUUID().toString(), domains[i % domains.length], next[u].toString(), seconds));
                next[u] = next[u].plusSeconds(seconds);
            }
            system.postEvents(users.get(u), batch(events)).then().statusCode(202);
        }
    }

    /** Every record of the topic as ingest wrote it (key, value, headers), in each partition's order. */
    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.config(
                "group.id", "bench-scaling-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        if (records.size() != expected) {
            throw new IllegalStateException(records.size() + " records in " + topic + ", not " + expected);
        }
        return records;
    }

    private double drain(TiempoCheckSystem system, int replicas, List<ConsumerRecord<byte[], byte[]>> backlog) throws Exception {
        Fleet fleet = system.fleet("r" + replicas);
        QuietDatabase.settle();
        List<ServiceProcess> processes = system.startFeaturesReplicas(fleet, replicas);
        awaitStable(fleet.group(), consumers * replicas);
        Duration cpuBefore = cpu(processes);
        ProcessCpu cores = ProcessCpu.start(processes.toArray(ServiceProcess[]::new));
        long copyStart = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.config("acks", "all", "linger.ms", "5"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : backlog) {
                producer.send(new ProducerRecord<>(fleet.topic(), null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        try (Connection db = DriverManager.getConnection("jdbc:mysql://" + TiempoCheckSystem.MYSQL + "/" + fleet.database(), "root", "");
             Statement statement = db.createStatement()) {
            String copied;
            try (ResultSet now = statement.executeQuery("SELECT UTC_TIMESTAMP(3)")) {
                now.next();
                copied = now.getString(1);
            }
            long atCopyEnd = count(db, "SELECT COUNT(*) FROM registro");
            IngestPipelineBenchmark.awaitDrained(db, backlog.size());
            String coresUsed = cores.cores();
            Duration cpu = cpu(processes).minus(cpuBefore);
            // Too small a backlog is drained by the copy's end: then the whole drain, first insert to last, is the interval.
            boolean fromCopyEnd = atCopyEnd <= backlog.size() / 2;
            String since = fromCopyEnd ? "'" + copied + "'" : "(SELECT MIN(procesado_en) FROM registro)";
            double micros = count(db, "SELECT TIMESTAMPDIFF(MICROSECOND, " + since + ", MAX(procesado_en)) FROM registro");
            long timed = fromCopyEnd ? backlog.size() - atCopyEnd : backlog.size();
            double rate = timed / (micros / 1e6);
            report.figure("drain." + replicas, "%d features-service replica%s (%d consumers on %d partitions): %,.0f events/s over %,d events"
                    + " %s to the last insert; copy into the topic %.1f s, %,d already in registro at its end; CPU %.1f µs per event"
                    + " (all replicas); %s", replicas, replicas == 1 ? "" : "s", consumers * replicas,
                    partitions,
                    rate, timed, fromCopyEnd ? "from the copy's end" : "from the first insert", copySeconds, atCopyEnd,
                    cpu.toNanos() / 1e3 / backlog.size(), coresUsed);
            processes.forEach(ServiceProcess::stop);
            if (replicas == REPLICAS.get(0)) {
                storeFigure(statement, fleet.database(), backlog.size());
            }
            return rate;
        }
    }

    /** What the drained events take in the feature store: rows and bytes on disk (data and indexes, InnoDB's estimate). */
    private void storeFigure(Statement statement, String database, int events) throws Exception {
        statement.execute("ANALYZE TABLE registro, features_horarias, features_diarias");
        StringBuilder text = new StringBuilder();
        for (String table : List.of("registro", "features_horarias", "features_diarias")) {
            long rows = count(statement.getConnection(), "SELECT COUNT(*) FROM " + table);
            long bytes = count(statement.getConnection(), "SELECT data_length + index_length FROM information_schema.tables"
                    + " WHERE table_schema = '" + database + "' AND table_name = '" + table + "'");
            text.append(text.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%s %,d rows, %,.0f bytes per row", table, rows,
                    (double) bytes / rows));
        }
        report.figure("store", "after %,d events (%d users, events of up to 60 s one after another, 5 domains): %s", events, USERS, text);
    }

    /** Until every consumer of the group holds its partitions: a member joining later would rebalance the drain. */
    private static void awaitStable(String group, int members) throws Exception {
        try (Admin admin = Admin.create(KafkaClients.config())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (description.groupState() == GroupState.STABLE && description.members().size() == members
                        && description.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("group " + group + " not stable with " + members + " members within 2 minutes");
    }

    private static Duration cpu(List<ServiceProcess> processes) {
        return processes.stream().map(ServiceProcess::cpuTime).reduce(Duration.ZERO, Duration::plus);
    }
}
