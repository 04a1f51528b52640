package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Figures, not assertions: how many concurrent SSE streams one alerts-service holds with the heap it
 * runs with, and the time from ingest's 202 for the event that crosses a limit to the alert on the
 * stream, measured while those streams are open, with where that time goes (split at the consumer's
 * INSERT, the feature update and the alert notice) and the CPU each process used meanwhile. Next to them, the raw
 * limits measured in the same run: the process's file descriptors and heap, and a bare Kafka
 * produce-to-consume round trip (the alert path has three). Run with ./bench/alerts.sh; excluded from
 * the tests, which run it at a smoke size (BenchmarkSmokeTest).
 */
@Tag("bench")
class AlertsBenchmark {

    private static final int STREAMS = Integer.getInteger("bench.streams", 10_000);
    private static final String HEAP = System.getProperty("bench.alerts-heap", "256m");
    private static final int SAMPLES = Integer.getInteger("bench.latency-samples", 200);
    private static final int WAVE = 500;
    /** The first crossings pay for connections and code paths warming up; they are run but not counted. */
    private static final int WARM_UP = 5;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(Integer.getInteger("bench.alerts.keep-alive-seconds", 5));
    private static final String STREAM_PATH = "/api/v1/alertas/stream";
    private final BenchReport report = new BenchReport("TiempoCheck alerts benchmark", "alerts-benchmark.txt");

    /** Where this run's figures are written, line by line as they are measured. */
    Path reportFile() {
        return report.file();
    }

    @Test
    void measure() throws Exception {
        report.figure("machine", "%d cores, load average %s, ulimit -n of this JVM's children %s",
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip(), openFileLimit());
        try (TiempoCheckSystem system = new TiempoCheckSystem().start()
                .startAlertsWithHeap(1, HEAP, "TIEMPOCHECK_ALERTS_STREAM_KEEP_ALIVE", "PT" + KEEP_ALIVE.toSeconds() + "S")) {
            ServiceProcess alerts = system.alerts.get(0);
            long idleHeap = heapAfterGc(alerts);
            URI base = URI.create(alerts.baseUrl());
            PrivateKey signer = privateKey(system.keys[0]);
            try (StreamHolder holder = new StreamHolder(base.getHost(), base.getPort())) {
                long start = System.nanoTime();
                for (int opened = 0; opened < STREAMS; opened += WAVE) {
                    for (int i = opened; i < Math.min(STREAMS, opened + WAVE); i++) {
                        holder.open(STREAM_PATH, token(signer, 1_000_000_000L + i));
                    }
                    long waveDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    int target = Math.min(STREAMS, opened + WAVE);
                    while (holder.greeted.get() + holder.refused.get() < target && System.nanoTime() < waveDeadline) {
                        Thread.sleep(20);
                    }
                }
                double openSeconds = (System.nanoTime() - start) / 1e9;
                ProcessCpu idleCpu = ProcessCpu.start(alerts);
                Thread.sleep(KEEP_ALIVE.multipliedBy(2).plusSeconds(1).toMillis());
                int alive = holder.withKeepAlives(1);
                report.figure("streams", "%,d of %,d SSE streams opened on one alerts-service (-Xmx%s) in %.1f s (%d refused,"
                                + " %d closed by the server); %,d of them received keep-alive comments %d s later"
                                + " (target: 25,000 streams under a 512 MiB heap)",
                        holder.greeted.get(), STREAMS, HEAP, openSeconds, holder.refused.get(), holder.closedByServer.get(), alive,
                        KEEP_ALIVE.multipliedBy(2).toSeconds());
                report.figure("streams.cpu", "while holding them idle (a keep-alive every %d s): %s", KEEP_ALIVE.toSeconds(),
                        idleCpu.cores());
                long heldHeap = heapAfterGc(alerts);
                report.figure("streams.heap", "after full GC %,.1f MiB idle, %,.1f MiB holding %,d streams -> %,.1f KiB per stream;"
                                + " RSS %,.0f MiB", idleHeap / 1048576.0, heldHeap / 1048576.0, holder.greeted.get(),
                        (heldHeap - idleHeap) / 1024.0 / Math.max(1, holder.greeted.get()), rssKiB(alerts.pid()) / 1024.0);
                report.figure("streams.gauge", "the service's own tiempocheck_alerts_streams_open says %s", openStreamsGauge(alerts));

                latency(system, holder.greeted.get());
                report.figure("streams.after", "%,d streams still receiving keep-alives after the latency run", holder.withKeepAlives(3));
            }
            rawKafkaRoundTrip(system);
        }
    }

    /**
     * Each sample: a new limit of 1 s on a new domain, one event of 1 s, the time from its 202 to the alert on the
     * stream; then the limit is deleted, as alerts-service keeps a user to a hundred limits. Where the time went is
     * read afterwards from the clocks the path leaves behind, all this machine's: the registro row's procesado_en
     * (the consumer's INSERT), and the Kafka timestamps of the feature update (sent after the consumer's commit)
     * and of the alert notice (sent after the alert's commit).
     */
    private void latency(TiempoCheckSystem system, int openStreams) throws Exception {
        User user = system.createUser("bench-latency", null);
        HttpClient http = HttpClient.newHttpClient();
        List<Sample> samples = new ArrayList<>();
        ProcessCpu cpu = null;
        // Each sample its own second of the device's time, in the past: overlapping samples would be trimmed to nothing.
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(60L + 2L * (WARM_UP + SAMPLES));
        try (SseClient stream = new SseClient(system.alerts.get(0).baseUrl() + STREAM_PATH, user.token(), null)) {
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                if (i == WARM_UP) {
                    cpu = ProcessCpu.start(system.ingest, system.features, system.alerts.get(0));
                }
                String domain = "bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
                long limit = system.createLimit(user, Map.of("dominio", domain, "segundos_diarios", 1));
                String eventId = UUID.randomUUID().toString();
                String body = "{\"eventos\":[{\"event_id\":\"" + eventId + "\",\"dominio\":\"" + domain
                        + "\",\"fecha_hora\":\"" + first.plusSeconds(2L * i) + "\",\"tiempo\":1}]}";
                HttpResponse<Void> accepted = http.send(HttpRequest.newBuilder(URI.create(system.ingest.baseUrl() + "/api/v1/eventos"))
                        .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                long acceptedAt = System.nanoTime();
                Instant acceptedWall = Instant.now();
                if (accepted.statusCode() != 202) {
                    throw new IllegalStateException("ingest answered " + accepted.statusCode());
                }
                SseClient.Event alert = stream.next(Duration.ofSeconds(60));
                if (alert == null || JsonPath.from(alert.data()).getLong("limite_id") != limit) {
                    throw new IllegalStateException("sample " + i + ": expected the alert of limit " + limit + ", got " + alert);
                }
                double millis = (alert.receivedNanos() - acceptedAt) / 1e6;
                system.alerts(user).delete("/api/v1/limites/" + limit).then().statusCode(204);
                if (i >= WARM_UP) {
                    samples.add(new Sample(eventId, domain, JsonPath.from(alert.data()).getLong("id"), millis, acceptedWall));
                }
            }
        }
        String cores = cpu.cores();
        List<Double> millis = samples.stream().map(Sample::millis).sorted().toList();
        report.figure("latency", "ingest 202 -> alert on the stream: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d sequential crossings"
                        + " after %d warm-up ones, %,d other streams open; target p99 < 250 ms with 10,000 streams open)",
                percentile(millis, 50), percentile(millis, 99), millis.get(millis.size() - 1), SAMPLES, WARM_UP, openStreams);
        report.figure("latency.cpu", "during the %d crossings: %s", SAMPLES, cores);

        List<double[]> legs = legs(system, samples);
        StringJoiner byLeg = new StringJoiner("; ");
        for (int leg = 0; leg < LEGS.length; leg++) {
            int l = leg;
            List<Double> sorted = legs.stream().map(times -> times[l]).sorted().toList();
            byLeg.add(String.format(Locale.ROOT, "%s %.0f / %.0f ms", LEGS[leg], percentile(sorted, 50), percentile(sorted, 99)));
        }
        report.figure("latency.legs", "p50 / p99 of each leg: %s", byLeg);
        List<Integer> slowest = new ArrayList<>(IntStream.range(0, samples.size()).boxed().toList());
        slowest.sort(Comparator.comparingDouble(i -> -samples.get(i).millis()));
        StringJoiner tail = new StringJoiner("; ");
        for (int i : slowest.subList(0, Math.min(3, slowest.size()))) {
            tail.add(String.format(Locale.ROOT, "%.0f ms = %.0f + %.0f + %.0f + %.0f", samples.get(i).millis(), legs.get(i)[0],
                    legs.get(i)[1], legs.get(i)[2], legs.get(i)[3]));
        }
        report.figure("latency.slowest", "the slowest crossings, leg by leg: %s", tail);
    }

    private static final String[] LEGS = {
        "202 -> the consumer's INSERT into registro",
        "-> feature update sent (batch commit, day totals read back)",
        "-> alert notice sent (alerts-service's poll, evaluation, alert stored and committed)",
        "-> on the stream (fan-out consumer, the stream's read and write)"};

    /** One timed crossing: its event, domain and alert, its time to the stream and the wall clock at its 202. */
    private record Sample(String eventId, String domain, long alertId, double millis, Instant accepted) {
    }

    /** Each sample's time split at the points the path leaves a clock behind, in milliseconds, in {@link #LEGS} order. */
    private static List<double[]> legs(TiempoCheckSystem system, List<Sample> samples) throws Exception {
        List<ConsumerRecord<String, String>> updates = records(system.featureUpdatesTopic);
        List<ConsumerRecord<String, String>> notices = records(system.alertsTopic);
        List<double[]> legs = new ArrayList<>();
        try (Connection db = system.featureStore();
             PreparedStatement row = db.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, '1970-01-01', procesado_en)"
                     + " FROM registro WHERE event_id = ?")) {
            for (Sample sample : samples) {
                row.setString(1, sample.eventId());
                long inserted;
                try (ResultSet result = row.executeQuery()) {
                    if (!result.next()) {
                        throw new IllegalStateException("event " + sample.eventId() + " is not in registro");
                    }
                    inserted = result.getLong(1) / 1_000;
                }
                long updated = firstTimestamp(updates, value -> value.contains("\"" + sample.domain() + "\""));
                long noticed = firstTimestamp(notices, value -> JsonPath.from(value).getLong("id") == sample.alertId());
                long accepted = sample.accepted().toEpochMilli();
                legs.add(new double[] {inserted - accepted, updated - inserted, noticed - updated,
                    accepted + sample.millis() - noticed});
            }
        }
        return legs;
    }

    private static long firstTimestamp(List<ConsumerRecord<String, String>> records, Predicate<String> value) {
        return records.stream().filter(record -> value.test(record.value())).mapToLong(ConsumerRecord::timestamp).findFirst()
                .orElseThrow(() -> new IllegalStateException("no record for a sample among " + records.size()));
    }

    /** Every record of a topic, with the timestamp its producer gave it. */
    private static List<ConsumerRecord<String, String>> records(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(KafkaClients.config(
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new StringDeserializer());
    }

    /**
     * One record produced (acks=all) and consumed, one after another: the floor of each of the alert path's three Kafka hops.
     * The consumer fetches from its partitions as the services' do, without a group to join.
     */
    private void rawKafkaRoundTrip(TiempoCheckSystem system) throws Exception {
        String topic = system.alertsTopic + ".raw";
        List<Double> millis = new ArrayList<>();
        try (var producer = new KafkaProducer<String, String>(KafkaClients.config(
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
             var consumer = consumer()) {
            producer.send(new ProducerRecord<>(topic, "k", "warm-up")).get();
            // Its position is fixed before the first sample is sent: a consumer that resolves "latest" after the send
            // would skip the sample and wait for it forever.
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < SAMPLES; i++) {
                String value = "sample-" + i;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", value)).get();
                boolean seen = false;
                while (!seen) {
                    if (System.nanoTime() - sent > Duration.ofSeconds(60).toNanos()) {
                        throw new IllegalStateException("raw round trip: " + value + " not consumed within 60 s");
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        seen |= record.value().equals(value);
                    }
                }
                millis.add((System.nanoTime() - sent) / 1e6);
            }
        }
        try (Admin admin = Admin.create(KafkaClients.config())) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        Collections.sort(millis);
        report.figure("raw.kafka-round-trip", "bare Kafka produce (acks=all) -> consume, %d samples: p50 %.1f ms, p99 %.1f ms"
                + " (the alert path makes three such hops plus two database commits)", SAMPLES, percentile(millis, 50),
                percentile(millis, 99));
    }

    /** A device token as ingest-service signs it, for users that need no row in ingest's database. */
    private static String token(PrivateKey key, long userId) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"iss\":\"https://tiempocheck.io\",\"sub\":\"" + userId + "\",\"groups\":[\"user\"],"
                + "\"device_id\":\"bench\",\"tz\":\"America/Mexico_City\",\"iat\":" + now + ",\"exp\":" + (now + 86_400) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + url.encodeToString(rsa.sign());
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Heap in use right after a full collection requested with jcmd, read from the service's own metrics. */
    private static long heapAfterGc(ServiceProcess service) throws Exception {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(service.pid()), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor();
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher used = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)").matcher(metrics);
        double sum = 0;
        while (used.find()) {
            sum += Double.parseDouble(used.group(1));
        }
        return (long) sum;
    }

    private static String openStreamsGauge(ServiceProcess service) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher open = Pattern.compile("(?m)^tiempocheck_alerts_streams_open ([0-9.E+]+)").matcher(metrics);
        return open.find() ? String.format(Locale.ROOT, "%,.0f", Double.parseDouble(open.group(1))) : "nothing (the gauge is missing)";
    }

    private static long rssKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String openFileLimit() throws Exception {
        Process ulimit = new ProcessBuilder("sh", "-c", "ulimit -n").start();
        String value = new String(ulimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        ulimit.waitFor();
        return value;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
