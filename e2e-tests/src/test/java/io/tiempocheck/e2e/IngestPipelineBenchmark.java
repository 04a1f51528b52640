package io.tiempocheck.e2e;

import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tiempocheck.e2e.RandomTraffic.count;

/**
 * Figures, not assertions: throughput of the ingest path and of the feature-store consumer, each
 * next to the raw limit measured in the same run on the same machine, and the latency from a 202 to
 * the event being visible in features_horarias, with the CPU each process used meanwhile. Run with
 * ./bench/run.sh; excluded from the tests, which run it at a smoke size (BenchmarkSmokeTest).
 */
@Tag("bench")
class IngestPipelineBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int BATCH = 500;
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    /** Events sent before the measured ones, so that JIT compilation is (mostly) behind both services; 0 measures them cold. */
    private static final int WARMUP = Integer.getInteger("bench.warmup-events", 200_000) / BATCH * BATCH;
    private static final int LATENCY_SAMPLES = Integer.getInteger("bench.latency-samples", 300);
    // HTTP/1.1 with keep-alive, as a browser speaks it over plain http (an h2c upgrade cost the shared cores several
    // times more per request), through rest-assured's own Apache client, each body encoded once. The clients share
    // the 2 cores with what they measure: their CPU per event is printed next to ingest's.
    private final CloseableHttpClient http = HttpClients.custom().setMaxConnTotal(CLIENTS + 1)
            .setMaxConnPerRoute(CLIENTS + 1).build();
    private final BenchReport report = new BenchReport("TiempoCheck ingest benchmark", "benchmark.txt");

    /** Where this run's figures are written, line by line as they are measured. */
    Path reportFile() {
        return report.file();
    }

    @Test
    void measure() throws Exception {
        try (TiempoCheckSystem system = new TiempoCheckSystem(); http) {
            system.startIngest();
            List<User> users = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                users.add(system.createUser("bench-" + i, null));
            }
            List<byte[]> bodies = batches(EVENTS);
            int recordSize = eventRecordSize();
            report.figure("machine", "%d cores, load average %s", Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            if (WARMUP > 0) {
                report.figure("warm-up", "%,d events through ingest first (and so through the consumer, and into the raw table),"
                        + " not timed; ProducerPerformance sends %,d records and its rate is their average", WARMUP, WARMUP + EVENTS);
                ingestRate(system, users, batches(WARMUP));
            }

            // The machine is shared and its load comes in bursts: each raw limit is measured twice, around
            // (or after) ours, and the better of its measurements is the limit.
            double producerBefore = rawProducerRate(system, recordSize, WARMUP + EVENTS);
            report.figure("raw.producer", "Kafka ProducerPerformance (%d-byte records, ingest's producer settings %s): %,.0f records/s",
                    recordSize, ingestProducerSettings(), producerBefore);
            Duration ingestCpu = system.ingest.cpuTime();
            Duration clientsCpu = ownCpuTime();
            ProcessCpu ingestCores = ProcessCpu.start(system.ingest);
            double ingest = ingestRate(system, users, bodies);
            ingestCpu = system.ingest.cpuTime().minus(ingestCpu);
            clientsCpu = ownCpuTime().minus(clientsCpu);
            report.figure("ingest", "over HTTP -> Kafka (%,d events, batches of %d, %d clients): %,.0f events/s; CPU per event:"
                    + " ingest-service %.1f µs, the clients (this JVM, on the same cores) %.1f µs; %s", EVENTS, BATCH, CLIENTS, ingest,
                    ingestCpu.toNanos() / 1e3 / EVENTS, clientsCpu.toNanos() / 1e3 / EVENTS, ingestCores.cores());
            double producerAfter = rawProducerRate(system, recordSize, WARMUP + EVENTS);
            report.figure("ingest.ratio", "ProducerPerformance again: %,.0f records/s -> ingest at %.0f%% of the better of the two"
                    + " (target >= 80 %%)", producerAfter, 100 * ingest / Math.max(producerBefore, producerAfter));

            // The consumer starts only now, with the whole backlog waiting: its rate is the drain rate of
            // the measured events (start-up and warm-up excluded). procesado_en is the time of the
            // statement that inserted a row, so the rows of the statement that opens the interval are
            // not counted: what is timed is the work on all the others.
            // Each database phase (the drain, each raw INSERT) starts on a settled database and then writes its
            // warm-up rows and its timed rows in one go, so neither side pays for the other's page flushing.
            QuietDatabase.settle();
            system.features.start();
            int consumers = consumerConcurrency();
            double consumer;
            try (Connection db = system.featureStore()) {
                // Twice a second: each COUNT(*) reads the whole table, and the timed events follow the warm-up
                // without a pause. Where the boundary is seen only starts the CPU count, which divides by the rows
                // counted after it.
                while (count(db, "SELECT COUNT(*) FROM registro") < WARMUP) {
                    Thread.sleep(500);
                }
                Duration featuresCpu = system.features.cpuTime();
                ProcessCpu drainCores = ProcessCpu.start(system.features);
                long before = count(db, "SELECT COUNT(*) FROM registro");
                awaitDrained(db, WARMUP + EVENTS);
                String cores = drainCores.cores();
                long counted = WARMUP + EVENTS - before;
                // A backlog small enough to drain before the warm-up's end is seen leaves no events to divide by.
                String cpuPerEvent = counted == 0 ? "not measured (drained before the warm-up's end was seen)"
                        : String.format(Locale.ROOT, "%.1f µs per event",
                                system.features.cpuTime().minus(featuresCpu).toNanos() / 1e3 / counted);
                String from = "(SELECT procesado_en FROM registro ORDER BY procesado_en LIMIT 1 OFFSET " + WARMUP + ")";
                double micros = count(db, "SELECT TIMESTAMPDIFF(MICROSECOND, " + from + ", MAX(procesado_en)) FROM registro");
                long timed = count(db, "SELECT COUNT(*) FROM registro WHERE procesado_en > " + from);
                consumer = timed / (micros / 1e6);
                report.figure("consumer", "features-service drain (registro + features_horarias + features_diarias, %d consumers, first"
                        + " to last insert): %,.0f events/s; features-service CPU %s; until the end was seen: %s",
                        consumers, consumer, cpuPerEvent, cores);
            }
            // The raw table copies the consumer's registro, which exists once the consumer has started:
            // the raw INSERT is measured right after the drain and again after the latency samples.
            List<RawRow> drained = drainedRows(system);
            RawInsert rawFirst = rawInsertRate(system, drained, consumers);
            report.figure("raw.insert", "plain multi-row INSERT of the same rows into a copy of registro: %s rows/s", rawFirst);
            latency(system, users.get(0));
            RawInsert rawSecond = rawInsertRate(system, drained, consumers);
            report.figure("consumer.ratio", "plain INSERT again: %s rows/s -> consumer at %.0f%% of the best (target >= 80 %%)",
                    rawSecond, 100 * consumer / Math.max(rawFirst.best(), rawSecond.best()));
        }
    }

    private double ingestRate(TiempoCheckSystem system, List<User> users, List<byte[]> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            User user = users.get(c);
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = client; i < bodies.size(); i += CLIENTS) {
                    int status = post(system, user, bodies.get(i));
                    if (status != 202) {
                        throw new IllegalStateException("ingest answered " + status);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        double rate = EVENTS / seconds(start);
        pool.shutdown();
        return rate;
    }

    private void latency(TiempoCheckSystem system, User user) throws Exception {
        List<Double> millis = new ArrayList<>();
        // Each sample its own 5 s of the device's time, in the past: overlapping samples would be trimmed to nothing.
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(60L + 6L * LATENCY_SAMPLES);
        try (Connection db = system.featureStore();
             PreparedStatement visible = db.prepareStatement("SELECT 1 FROM features_horarias WHERE usuario_id = ? AND dominio = ?")) {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                String domain = "latencia-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
                String body = "{\"eventos\":[{\"event_id\":\"" + UUID.randomUUID() + "\",\"dominio\":\"" + domain
                        + "\",\"fecha_hora\":\"" + first.plusSeconds(6L * i) + "\",\"tiempo\":5}]}";
                if (post(system, user, body.getBytes(StandardCharsets.UTF_8)) != 202) {
                    throw new IllegalStateException("ingest refused a latency sample");
                }
                long accepted = System.nanoTime();
                visible.setLong(1, user.id());
                visible.setString(2, domain);
                while (true) {
                    try (ResultSet rows = visible.executeQuery()) {
                        if (rows.next()) {
                            break;
                        }
                    }
                    Thread.sleep(2);
                }
                millis.add((System.nanoTime() - accepted) / 1e6);
            }
        }
        Collections.sort(millis);
        report.figure("latency", "202 -> visible in features_horarias (%d sequential single-event batches): p50 %.0f ms, p99 %.0f ms,"
                + " max %.0f ms", LATENCY_SAMPLES, percentile(millis, 50), percentile(millis, 99), millis.get(millis.size() - 1));
    }

    private double rawProducerRate(TiempoCheckSystem system, int recordSize, int records) throws Exception {
        Path libs = root().resolve(".run/kafka/libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException(libs + " is missing: ProducerPerformance comes from Kafka's tools, which"
                    + " ./bench/run.sh and ./deploy/local/test.sh fetch (deploy/local/lib.sh ensure_kafka_libs)");
        }
        String topic = system.eventsTopic + ".raw-" + UUID.randomUUID().toString().substring(0, 8);
        // Created before the clock starts, with the broker's defaults, as the services' topics exist before they are
        // timed: left to ProducerPerformance, the creation fell within ingest's max.block.ms on a loaded machine.
        try (Admin admin = Admin.create(KafkaClients.config())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", libs + "/*", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + TiempoCheckSystem.KAFKA));
        // ingest's settings continue --producer-props' list of key=value pairs; the client config file comes after it.
        command.addAll(ingestProducerSettings());
        command.addAll(KafkaClients.toolArguments("--producer.config"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                last = line;
            }
        }
        process.waitFor();
        // The shared broker keeps no benchmark data behind.
        try (Admin admin = Admin.create(KafkaClients.config())) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        Matcher rate = Pattern.compile("([\\d.]+) records/sec").matcher(last == null ? "" : last);
        if (!rate.find()) {
            throw new IllegalStateException("ProducerPerformance printed: " + last);
        }
        return Double.parseDouble(rate.group(1));
    }

    /** The producer settings ingest-service runs with (acks=all, idempotence, linger, batch size...), as key=value. */
    private static List<String> ingestProducerSettings() throws Exception {
        Properties ingest = new Properties();
        try (Reader in = Files.newBufferedReader(root().resolve("ingest-service/src/main/resources/application.properties"))) {
            ingest.load(in);
        }
        String prefix = "tiempocheck.producer.";
        return ingest.stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).sorted()
                .map(key -> key.substring(prefix.length()) + "=" + ingest.getProperty(key)).toList();
    }

    private static Path root() {
        return Path.of(System.getProperty("tiempocheck.root", "..")).toAbsolutePath();
    }

    /**
     * The very rows the consumer wrote (warm-up first), as SQL value tuples, in the order it wrote them. Not
     * made-up rows: registro is clustered by (user, day, event), and rows that all share one user and day
     * land at random places of one ever-growing key range, which made the raw INSERT collapse once the
     * table outgrew the buffer pool (a quarter of its cold rate after 200,000 warm-up rows).
     */
    private static List<RawRow> drainedRows(TiempoCheckSystem system) throws Exception {
        List<RawRow> rows = new ArrayList<>();
        try (Connection db = system.featureStore(); Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery("SELECT usuario_id, CONCAT_WS(',', QUOTE(event_id), usuario_id,"
                     + " QUOTE(device_id), QUOTE(dominio), QUOTE(fecha_hora), QUOTE(fecha_hora_local), QUOTE(tz), tiempo,"
                     + " QUOTE(recibido_en), QUOTE(dia), hora, segundos, QUOTE(dia_2), QUOTE(hora_2), segundos_2)"
                     + " FROM registro ORDER BY procesado_en, usuario_id, fecha_hora")) {
            while (result.next()) {
                rows.add(new RawRow(result.getLong(1), result.getString(2)));
            }
        }
        return rows;
    }

    /**
     * The consumer's rows, into a table like its registro, inserted the cheapest way SQL allows: 1,000-row
     * INSERTs built as text, a commit per 2,000 rows (a consumer batch). Measured over one connection and
     * over as many as the consumer runs in parallel, each then taking the rows of its own users (as each
     * consumer takes its own partitions); the better of the two is the limit.
     */
    private RawInsert rawInsertRate(TiempoCheckSystem system, List<RawRow> rows, int connections) throws Exception {
        String db = "tc_bench_" + UUID.randomUUID().toString().substring(0, 8);
        List<RawRow> warmUp = rows.subList(0, WARMUP);
        List<RawRow> timed = rows.subList(WARMUP, rows.size());
        try (Connection root = DriverManager.getConnection("jdbc:mysql://" + TiempoCheckSystem.MYSQL + "/", "root", "");
             Statement statement = root.createStatement()) {
            statement.execute("CREATE DATABASE " + db);
            try {
                statement.execute("CREATE TABLE " + db + ".registro LIKE " + system.featuresDb + ".registro");
                // Like the consumer's, the table already holds the warm-up rows when the timed ones go in.
                QuietDatabase.settle();
                insertRows(db, 1, warmUp);
                double single = insertRows(db, 1, timed);
                if (connections == 1) {
                    return new RawInsert(single, 1, single);
                }
                statement.execute("TRUNCATE TABLE " + db + ".registro");
                QuietDatabase.settle();
                insertRows(db, connections, warmUp);
                return new RawInsert(single, connections, insertRows(db, connections, timed));
            } finally {
                statement.execute("DROP DATABASE " + db);
            }
        }
    }

    private double insertRows(String db, int connections, List<RawRow> rows) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Connection> open = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                Connection connection = DriverManager.getConnection("jdbc:mysql://" + TiempoCheckSystem.MYSQL + "/" + db, "root", "");
                connection.setAutoCommit(false);
                open.add(connection);
            }
            List<List<RawRow>> rowsOf = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int own = c;
                rowsOf.add(rows.stream().filter(row -> row.userId() % connections == own).toList());
            }
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Connection connection = open.get(c);
                List<RawRow> mine = rowsOf.get(c);
                work.add(pool.submit(() -> {
                    String lote = UUID.randomUUID().toString();
                    for (int done = 0; done < mine.size(); done += 1000) {
                        StringBuilder sql = new StringBuilder("INSERT INTO registro (event_id, usuario_id, device_id, dominio,"
                                + " fecha_hora, fecha_hora_local, tz, tiempo, recibido_en,"
                                + " dia, hora, segundos, dia_2, hora_2, segundos_2, lote, schema_ver) VALUES ");
                        for (int i = done; i < Math.min(mine.size(), done + 1000); i++) {
                            sql.append(i == done ? "(" : ",(").append(mine.get(i).values()).append(",'").append(lote).append("',1)");
                        }
                        try (Statement insert = connection.createStatement()) {
                            insert.execute(sql.toString());
                        }
                        if (done % 2000 == 1000) {
                            connection.commit();
                        }
                    }
                    connection.commit();
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            return rows.size() / seconds(start);
        } finally {
            pool.shutdown();
            for (Connection connection : open) {
                connection.close();
            }
        }
    }

    /** One registro row as the consumer wrote it: its user, and its values as an SQL tuple body. */
    private record RawRow(long userId, String values) {
    }

    private record RawInsert(double oneConnection, int connections, double parallel) {
        double best() {
            return Math.max(oneConnection, parallel);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f over 1 connection, %,.0f over %d", oneConnection, parallel, connections);
        }
    }

    /** How many consumers features-service runs in parallel (the channel's concurrency), as its configuration says. */
    static int consumerConcurrency() throws Exception {
        Properties features = new Properties();
        try (Reader in = Files.newBufferedReader(root().resolve("features-service/src/main/resources/application.properties"))) {
            features.load(in);
        }
        return Integer.parseInt(features.getProperty("mp.messaging.incoming.usage-events.concurrency", "1"));
    }

    /** The size of one usage event as ingest writes it to Kafka, so the raw producer sends records of the same size. */
    private static int eventRecordSize() {
        return ("{\"schema_ver\":1,\"event_id\":\"" + UUID.randomUUID() + "\",\"usuario_id\":1,\"device_id\":\"" + UUID.randomUUID()
                + "\",\"dominio\":\"youtube.com\",\"fecha_hora\":\"2026-03-01T10:00:00-06:00\",\"tiempo\":60,"
                + "\"recibido_en\":\"2026-03-01T16:00:00.123456Z\",\"tz\":\"America/Mexico_City\"}").length();
    }

    private static List<byte[]> batches(int events) {
        String[] domains = {"www.youtube.com", "github.com", "es.wikipedia.org", "news.bbc.co.uk", "www.netflix.com"};
        List<byte[]> bodies = new ArrayList<>();
        OffsetDateTime base = OffsetDateTime.parse("2026-03-01T00:00:00-06:00");
        for (int b = 0; b < events / BATCH; b++) {
            StringBuilder body = new StringBuilder("{\"eventos\":[");
            for (int i = 0; i < BATCH; i++) {
                body.append(i == 0 ? "" : ",").append("{\"event_id\":\"").append(UUID.randomUUID()).append("\",\"dominio\":\"")
                        .append(domains[i % domains.length]).append("\",\"fecha_hora\":\"")
                        .append(base.plusSeconds((long) b * BATCH + i * 7L)).append("\",\"tiempo\":").append(1 + i % 120).append('}');
            }
            bodies.add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /**
     * Waits until registro holds {@code rows} rows without taking the server's CPU from the drain being timed:
     * COUNT(*) reads the whole table (it was polled ten times a second), so it runs only once the newest
     * procesado_en, one index dive, has stood still for a second. The rate does not depend on when the end
     * is seen: it is read from procesado_en.
     */
    static void awaitDrained(Connection db, long rows) throws Exception {
        long newest = -1;
        long stillSince = System.nanoTime();
        while (true) {
            Thread.sleep(100);
            long now = count(db, "SELECT COALESCE(TIMESTAMPDIFF(MICROSECOND, '2000-01-01', MAX(procesado_en)), 0) FROM registro");
            if (now != newest) {
                newest = now;
                stillSince = System.nanoTime();
            } else if (System.nanoTime() - stillSince > 1_000_000_000L) {
                if (count(db, "SELECT COUNT(*) FROM registro") >= rows) {
                    return;
                }
                stillSince = System.nanoTime();
            }
        }
    }

    private int post(TiempoCheckSystem system, User user, byte[] body) throws Exception {
        HttpPost post = new HttpPost(system.ingest.baseUrl() + "/api/v1/eventos");
        post.setHeader("Authorization", "Bearer " + user.token());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try (CloseableHttpResponse response = http.execute(post)) {
            EntityUtils.consume(response.getEntity());
            return response.getStatusLine().getStatusCode();
        }
    }

    private static Duration ownCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
