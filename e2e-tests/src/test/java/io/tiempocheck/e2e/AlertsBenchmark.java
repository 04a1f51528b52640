package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures, not assertions: how many concurrent SSE streams one alerts-service holds with the heap it
 * runs with, and the time from ingest's 202 for the event that crosses a limit to the alert on the
 * stream, measured while those streams are open. Next to them, the raw limits measured in the same
 * run: the process's file descriptors and heap, and a bare Kafka produce-to-consume round trip
 * (the alert path has three). Run with ./bench/alerts.sh; excluded from the tests.
 */
@Tag("bench")
class AlertsBenchmark {

    private static final int STREAMS = Integer.getInteger("bench.streams", 10_000);
    private static final String HEAP = System.getProperty("bench.alerts-heap", "256m");
    private static final int SAMPLES = Integer.getInteger("bench.latency-samples", 200);
    private static final int WAVE = 500;
    /** The first crossings pay for connections and code paths warming up; they are run but not counted. */
    private static final int WARM_UP = 5;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(5);
    private static final String STREAM_PATH = "/api/v1/alertas/stream";
    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        line("Machine: %d cores, load average %s (shared with other work), ulimit -n of this JVM's children: %s",
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
                Thread.sleep(KEEP_ALIVE.multipliedBy(2).plusSeconds(1).toMillis());
                int alive = holder.withKeepAlives(1);
                long heldHeap = heapAfterGc(alerts);
                line("alerts-service -Xmx%s: %,d of %,d SSE streams opened in %.1f s (%d refused, %d closed by the server);"
                                + " %,d of them received keep-alive comments %d s later",
                        HEAP, holder.greeted.get(), STREAMS, openSeconds, holder.refused.get(), holder.closedByServer.get(), alive,
                        KEEP_ALIVE.multipliedBy(2).toSeconds());
                line("Heap after full GC: %,.1f MiB idle, %,.1f MiB holding %,d streams -> %,.1f KiB per stream; RSS %,.0f MiB",
                        idleHeap / 1048576.0, heldHeap / 1048576.0, holder.greeted.get(),
                        (heldHeap - idleHeap) / 1024.0 / Math.max(1, holder.greeted.get()), rssKiB(alerts.pid()) / 1024.0);
                metricsLine(alerts);

                latency(system, holder.greeted.get());
                line("Streams still receiving keep-alives after the latency run: %,d", holder.withKeepAlives(3));
            }
            rawKafkaRoundTrip(system);
        }
        System.out.println("\n==== TiempoCheck alerts benchmark ====\n" + report);
        Files.writeString(Path.of("target/alerts-benchmark.txt"), report.toString());
    }

    /** Each sample: a new limit of 1 s on a new domain, one event of 1 s, the time from its 202 to the alert on the stream. */
    private void latency(TiempoCheckSystem system, int openStreams) throws Exception {
        User user = system.createUser("bench-latency", null);
        HttpClient http = HttpClient.newHttpClient();
        List<Double> millis = new ArrayList<>();
        // Each sample its own second of the device's time, in the past: overlapping samples would be trimmed to nothing.
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(60L + 2L * (WARM_UP + SAMPLES));
        try (SseClient stream = new SseClient(system.alerts.get(0).baseUrl() + STREAM_PATH, user.token(), null)) {
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                String domain = "bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
                long limit = system.createLimit(user, Map.of("dominio", domain, "segundos_diarios", 1));
                String body = "{\"eventos\":[{\"event_id\":\"" + UUID.randomUUID() + "\",\"dominio\":\"" + domain
                        + "\",\"fecha_hora\":\"" + first.plusSeconds(2L * i) + "\",\"tiempo\":1}]}";
                HttpResponse<Void> accepted = http.send(HttpRequest.newBuilder(URI.create(system.ingest.baseUrl() + "/api/v1/eventos"))
                        .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                long acceptedAt = System.nanoTime();
                if (accepted.statusCode() != 202) {
                    throw new IllegalStateException("ingest answered " + accepted.statusCode());
                }
                SseClient.Event alert = stream.next(Duration.ofSeconds(60));
                if (alert == null || JsonPath.from(alert.data()).getLong("limite_id") != limit) {
                    throw new IllegalStateException("sample " + i + ": expected the alert of limit " + limit + ", got " + alert);
                }
                if (i >= WARM_UP) {
                    millis.add((alert.receivedNanos() - acceptedAt) / 1e6);
                }
            }
        }
        Collections.sort(millis);
        line("ingest 202 -> alert on the stream (%d sequential crossings after %d warm-up ones, %,d other streams open):"
                        + " p50 %.0f ms, p99 %.0f ms, max %.0f ms", SAMPLES, WARM_UP, openStreams, percentile(millis, 50), percentile(millis, 99), millis.get(millis.size() - 1));
    }

    /** One record produced (acks=all) and consumed, one after another: the floor of each of the alert path's three Kafka hops. */
    private void rawKafkaRoundTrip(TiempoCheckSystem system) throws Exception {
        String topic = system.alertsTopic + ".raw";
        List<Double> millis = new ArrayList<>();
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TiempoCheckSystem.KAFKA,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
             var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TiempoCheckSystem.KAFKA,
                     ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                     new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up")).get();
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            for (int i = 0; i < SAMPLES; i++) {
                String value = "sample-" + i;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", value)).get();
                boolean seen = false;
                while (!seen) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        seen |= record.value().equals(value);
                    }
                }
                millis.add((System.nanoTime() - sent) / 1e6);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TiempoCheckSystem.KAFKA))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        Collections.sort(millis);
        line("Raw limit: bare Kafka produce (acks=all) -> consume round trip, %d samples: p50 %.1f ms, p99 %.1f ms"
                + " (the alert path makes three such hops plus two database commits)", SAMPLES, percentile(millis, 50), percentile(millis, 99));
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

    private void metricsLine(ServiceProcess service) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher open = Pattern.compile("(?m)^tiempocheck_alerts_streams_open ([0-9.E+]+)").matcher(metrics);
        line("The service's own gauge tiempocheck_alerts_streams_open: %s", open.find() ? String.format(Locale.ROOT, "%,.0f",
                Double.parseDouble(open.group(1))) : "missing");
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

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
