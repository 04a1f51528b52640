package io.tiempocheck.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;

/**
 * ingest-service, features-service and (when asked) alerts-service and suggestions-service started as processes against the real broker on
 * 127.0.0.1:9092 (or the one of {@link KafkaClients}) and the real MySQL/MariaDB on 127.0.0.1:3306, each system with databases, topics
 * and a consumer group of its own, so runs and test classes never see each other's data.
 */
final class TiempoCheckSystem implements AutoCloseable {

    static final String KAFKA = KafkaClients.BOOTSTRAP;
    static final String MYSQL = System.getProperty("tiempocheck.mysql", "127.0.0.1:3306");
    static final String ADMIN_TOKEN = "e2e-admin-" + UUID.randomUUID();

    final String runId = "e2e_" + UUID.randomUUID().toString().substring(0, 8);
    final String ingestDb = "tc_" + runId + "_ingest";
    final String featuresDb = "tc_" + runId + "_features";
    final String eventsTopic = "tc." + runId + ".usage-events";
    final String deadLetterTopic = "tc." + runId + ".usage-events.dlq";
    final String alertsDb = "tc_" + runId + "_alerts";
    final String featureUpdatesTopic = "tc." + runId + ".feature-updates";
    final String featureUpdatesDeadLetterTopic = "tc." + runId + ".feature-updates.dlq";
    final String alertsTopic = "tc." + runId + ".alerts";
    final String revocationsTopic = "tc." + runId + ".token-revocations";
    final String rejectionsTopic = "tc." + runId + ".ingest-rejections";
    final ServiceProcess ingest;
    final ServiceProcess features;
    /** Replicas of alerts-service, sharing one database and one evaluation group; empty until {@link #startAlerts}. */
    final List<ServiceProcess> alerts = new ArrayList<>();
    final String suggestionsDb = "tc_" + runId + "_suggestions";
    /** suggestions-service; null until {@link #startSuggestions}. */
    ServiceProcess suggestions;
    /** The dashboard (web); null until {@link #startDashboard}. */
    ServiceProcess web;
    private final int webPort = freePort();
    private final Path root;
    private final Path work;
    private final Map<String, String> common;
    /** The private (signing) and public key of this system's device tokens. */
    final Path[] keys;
    private final Map<String, String> featuresEnv;
    private final Map<String, String> ingestEnv;
    /**
     * Every test's requests come from 127.0.0.1 and the benchmarks post far faster than a device: the
     * flood limits stay out of the way unless a test asks for the services' own (RateLimitTest).
     */
    private final Map<String, String> rateLimits = new HashMap<>(Map.of(
            "TIEMPOCHECK_INGEST_RATE_LIMITS_PER_DEVICE_CAPACITY", "1000000000",
            "TIEMPOCHECK_INGEST_RATE_LIMITS_PER_ADDRESS_CAPACITY", "1000000000",
            "TIEMPOCHECK_AUTH_FAILURES_CAPACITY", "1000000000"));
    private final List<ServiceProcess> extraFeatures = new ArrayList<>();
    private final List<Fleet> fleets = new ArrayList<>();
    /** The database address the services use; the tests' own connections go to {@link #MYSQL}. */
    private final String mysql;

    TiempoCheckSystem() {
        this(KAFKA);
    }

    /** A system whose services use the given Kafka bootstrap address (an unreachable one, for outage tests). */
    TiempoCheckSystem(String kafka) {
        this(kafka, Map.of());
    }

    /** A system whose features-service gets extra environment (job schedules, for example). */
    TiempoCheckSystem(Map<String, String> featuresSettings) {
        this(KAFKA, featuresSettings);
    }

    private TiempoCheckSystem(String kafka, Map<String, String> featuresSettings) {
        this(kafka, MYSQL, featuresSettings);
    }

    /** A system whose services reach the broker and the database at the given addresses (a {@link FreezableProxy}, say). */
    static TiempoCheckSystem through(String kafka, String mysql) {
        return new TiempoCheckSystem(kafka, mysql, Map.of());
    }

    private TiempoCheckSystem(String kafka, String mysql, Map<String, String> featuresSettings) {
        this.mysql = mysql;
        root = Path.of(System.getProperty("tiempocheck.root", "..")).toAbsolutePath().normalize();
        work = root.resolve("e2e-tests/target/e2e-" + runId);
        keys = writeKeyPair(work);
        common = with(KafkaClients.serviceEnv(kafka),
                "TIEMPOCHECK_TOPICS_FEATURE_UPDATES_DLQ", featureUpdatesDeadLetterTopic,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys[1].toString(),
                "TIEMPOCHECK_ADMIN_TOKEN", ADMIN_TOKEN,
                "TIEMPOCHECK_TOPICS_USAGE_EVENTS", eventsTopic,
                "TIEMPOCHECK_TOPICS_USAGE_EVENTS_DLQ", deadLetterTopic,
                "TIEMPOCHECK_TOPICS_FEATURE_UPDATES", featureUpdatesTopic,
                "TIEMPOCHECK_TOPICS_ALERTS", alertsTopic,
                "TIEMPOCHECK_TOPICS_TOKEN_REVOCATIONS", revocationsTopic,
                "TIEMPOCHECK_TOPICS_INGEST_REJECTIONS", rejectionsTopic,
                // The dashboard's origin, should one be started: the services let only it call them from a browser.
                "TIEMPOCHECK_WEB_ORIGIN", dashboardUrl());
        ingestEnv = with(common,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(mysql, ingestDb) + "?createDatabaseIfNotExist=true",
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", keys[0].toString(),
                "TIEMPOCHECK_CUENTAS_REGISTRO_ABIERTO", "true",
                // Rejection counts reach features-service within a second or two, not the default 10 s.
                "TIEMPOCHECK_INGEST_REJECTIONS_FLUSH_EVERY", "1s",
                "QUARKUS_DATASOURCE_FEATURES_JDBC_URL", jdbcUrl(mysql, featuresDb),
                "QUARKUS_DATASOURCE_ALERTS_JDBC_URL", jdbcUrl(mysql, alertsDb),
                "QUARKUS_DATASOURCE_SUGGESTIONS_JDBC_URL", jdbcUrl(mysql, suggestionsDb));
        ingest = new ServiceProcess("ingest-service", root, freePort(), ingestEnv, work);
        featuresEnv = with(common,
                "QUARKUS_DATASOURCE_JDBC_URL", featureStoreUrl(featuresDb),
                "TIEMPOCHECK_CONSUMER_GROUP", "features-" + runId);
        featuresEnv.putAll(featuresSettings);
        // Each replica its own static group member, as each pod is in Kubernetes.
        features = new ServiceProcess("features-service", root, freePort(), with(featuresEnv,
                "TIEMPOCHECK_INSTANCE_ID", "features-service-0"), work);
    }

    /** Another replica of features-service on the same database, topic and consumer group, started and ready. */
    ServiceProcess startAnotherFeaturesReplica() {
        String instance = "features-service-" + (extraFeatures.size() + 1);
        ServiceProcess replica = new ServiceProcess("features-service", root, freePort(), with(featuresEnv,
                "TIEMPOCHECK_INSTANCE_ID", instance), work, instance);
        extraFeatures.add(replica);
        replica.start();
        return replica;
    }

    /**
     * {@code count} more replicas of features-service on the same database, topic and consumer group, each its
     * own static member, started side by side and ready.
     */
    List<ServiceProcess> startFeaturesReplicas(int count) {
        List<ServiceProcess> replicas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String instance = "features-service-" + (extraFeatures.size() + 1);
            ServiceProcess replica = new ServiceProcess("features-service", root, freePort(), with(featuresEnv,
                    "TIEMPOCHECK_INSTANCE_ID", instance), work, instance);
            extraFeatures.add(replica);
            replicas.add(replica);
        }
        return startSideBySide(replicas);
    }

    /** Starts the replicas side by side (a replica's start is mostly waiting) and returns them once all are ready. */
    private static List<ServiceProcess> startSideBySide(List<ServiceProcess> replicas) {
        replicas.stream().map(replica -> CompletableFuture.runAsync(replica::start)).toList().forEach(CompletableFuture::join);
        return replicas;
    }

    /**
     * A feature store, a usage-event topic (with its deployed partitions) and a consumer group of their own, named
     * after {@code fleet}, for benchmarks that compare replica counts on the same events; dropped by {@link #close}.
     */
    record Fleet(String database, String topic, String group) {
    }

    Fleet fleet(String fleet) {
        Fleet created = new Fleet(featuresDb + "_" + fleet, eventsTopic + "." + fleet, "features-" + runId + "-" + fleet);
        fleets.add(created);
        createTopics(Map.of(created.topic(), DeployedTopics.partitions(root).get("tiempocheck.usage-events.v1")));
        return created;
    }

    /** {@code count} replicas of features-service on the fleet's database, topic and group, started side by side and ready. */
    List<ServiceProcess> startFeaturesReplicas(Fleet fleet, int count) {
        List<ServiceProcess> replicas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String instance = "features-service-" + fleet.group() + "-" + i;
            replicas.add(new ServiceProcess("features-service", root, freePort(), with(featuresEnv,
                    "QUARKUS_DATASOURCE_JDBC_URL", featureStoreUrl(fleet.database()), "TIEMPOCHECK_TOPICS_USAGE_EVENTS", fleet.topic(),
                    "TIEMPOCHECK_CONSUMER_GROUP", fleet.group(), "TIEMPOCHECK_INSTANCE_ID", instance), work, instance));
        }
        extraFeatures.addAll(replicas);
        return startSideBySide(replicas);
    }

    /**
     * Creates this system's topics with the partitions they have on Kubernetes
     * (deploy/kubernetes/base/kafka/kafka-topics.yaml, as deploy/local creates them), rather than the broker's
     * default for an auto-created topic; call before {@link #start}. The revocation feed creates its own, compacted.
     */
    TiempoCheckSystem withDeployedPartitions() {
        Map<String, String> ours = Map.of("tiempocheck.usage-events.v1", eventsTopic, "tiempocheck.usage-events.dlq.v1", deadLetterTopic,
                "tiempocheck.feature-updates.v1", featureUpdatesTopic, "tiempocheck.feature-updates.dlq.v1", featureUpdatesDeadLetterTopic,
                "tiempocheck.alerts.v1", alertsTopic, "tiempocheck.ingest-rejections.v1", rejectionsTopic);
        Map<String, Integer> deployed = DeployedTopics.partitions(root);
        Map<String, Integer> partitions = new HashMap<>();
        ours.forEach((name, topic) -> partitions.put(topic, deployed.get(name)));
        createTopics(partitions);
        return this;
    }

    private void createTopics(Map<String, Integer> partitions) {
        try (Admin admin = Admin.create(KafkaClients.config())) {
            admin.createTopics(partitions.entrySet().stream()
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)).toList()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the topics " + partitions.keySet(), e.getCause());
        }
    }

    /** Extra environment for ingest-service, e.g. a short sign-in lockout window; call before {@link #start}. */
    TiempoCheckSystem ingestSettings(String... pairs) {
        ingestEnv.putAll(with(Map.of(), pairs));
        return this;
    }

    /** Another features-service on the same database and topic but a consumer group of its own: it replays the topic from the start. */
    ServiceProcess startFeaturesReplay(String group) {
        ServiceProcess replay = new ServiceProcess("features-service", root, freePort(),
                with(featuresEnv, "TIEMPOCHECK_CONSUMER_GROUP", group), work, "features-service-" + group);
        extraFeatures.add(replay);
        replay.start();
        return replay;
    }

    /** ingest's process reads ingestEnv itself; features' got a copy with its instance id; later replicas copy featuresEnv. */
    private void applyRateLimits() {
        ingestEnv.putAll(rateLimits);
        featuresEnv.putAll(rateLimits);
        features.environment(rateLimits);
    }

    /** The services' own rate limits, as configured for production; call before {@link #start}. */
    TiempoCheckSystem withProductionRateLimits() {
        rateLimits.clear();
        return this;
    }

    /**
     * Starts ingest and features. If one does not come up, the system is closed before the failure
     * propagates: the test never gets it to close, and its processes must not outlive the test.
     */
    TiempoCheckSystem start() {
        applyRateLimits();
        try {
            ingest.start();
            features.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * Starts {@code replicas} alerts-service processes after ingest and features (it reads the feature
     * store's categories), each with a port and a notice consumer group of its own.
     *
     * @param settings extra environment for every replica, e.g. TIEMPOCHECK_ALERTS_STREAM_KEEP_ALIVE=PT2S
     */
    TiempoCheckSystem startAlerts(int replicas, String... settings) {
        return startAlertsWithHeap(replicas, "256m", settings);
    }

    /** @param heap the replicas' -Xmx */
    TiempoCheckSystem startAlertsWithHeap(int replicas, String heap, String... settings) {
        for (int i = 0; i < replicas; i++) {
            ServiceProcess replica = alertsReplica(settings).heap(heap);
            try {
                replica.start();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        return this;
    }

    /**
     * Only ingest, with the same test rate limits as {@link #start}: for benchmarks that start the
     * consumer later. Starting {@code ingest} directly would leave it the production limits (60
     * requests a minute per device), which a full-size benchmark exceeds in seconds.
     */
    TiempoCheckSystem startIngest() {
        applyRateLimits();
        ingest.start();
        return this;
    }

    /** ingest, features and one alerts-service, each waited for only until it is alive: for tests of dependencies that hang. */
    TiempoCheckSystem startAlive() {
        applyRateLimits();
        ingest.startAlive();
        features.startAlive();
        alertsReplica().startAlive();
        return this;
    }

    private ServiceProcess alertsReplica(String... settings) {
        Map<String, String> env = with(with(common,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(mysql, alertsDb) + "?createDatabaseIfNotExist=true",
                "QUARKUS_DATASOURCE_FEATURES_JDBC_URL", jdbcUrl(mysql, featuresDb),
                "TIEMPOCHECK_CONSUMER_GROUP", "alerts-" + runId,
                "TIEMPOCHECK_INSTANCE_ID", "alerts-service-" + alerts.size()), settings);
        env.putAll(rateLimits);
        ServiceProcess replica = new ServiceProcess("alerts-service", root, freePort(), env, work, "alerts-service-" + alerts.size());
        alerts.add(replica);
        return replica;
    }

    /**
     * Starts suggestions-service after ingest and features: its own database, and the system's
     * feature store as its read-only features datasource.
     */
    TiempoCheckSystem startSuggestions(String... settings) {
        Map<String, String> env = with(with(common,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(mysql, suggestionsDb) + "?createDatabaseIfNotExist=true",
                "QUARKUS_DATASOURCE_FEATURES_JDBC_URL", jdbcUrl(mysql, featuresDb)), settings);
        env.putAll(rateLimits);
        suggestions = new ServiceProcess("suggestions-service", root, freePort(), env, work);
        suggestions.start();
        return this;
    }

    /** Starts the dashboard (web), whose pages call every service: after {@link #startAlerts} and {@link #startSuggestions}. */
    TiempoCheckSystem startDashboard() {
        if (alerts.isEmpty() || suggestions == null) {
            throw new IllegalStateException("the dashboard's pages call alerts-service and suggestions-service: start them first");
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "TIEMPOCHECK_WEB_INGEST_URL", ingest.baseUrl(),
                "TIEMPOCHECK_WEB_FEATURES_URL", features.baseUrl(),
                "TIEMPOCHECK_WEB_ALERTS_URL", alerts.get(0).baseUrl(),
                "TIEMPOCHECK_WEB_SUGGESTIONS_URL", suggestions.baseUrl()));
        web = new ServiceProcess("web", root, webPort, env, work);
        try {
            web.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Where a browser opens the dashboard of {@link #startDashboard}. */
    String dashboardUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    /** A request to suggestions-service as the given user. */
    RequestSpecification suggestions(User user) {
        return given().baseUri(suggestions.baseUrl()).auth().oauth2(user.token()).contentType(ContentType.JSON);
    }

    @Override
    public void close() {
        if (web != null) {
            web.stop();
        }
        if (suggestions != null) {
            suggestions.stop();
        }
        alerts.forEach(ServiceProcess::stop);
        ingest.stop();
        features.stop();
        extraFeatures.forEach(ServiceProcess::stop);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + ingestDb);
            statement.execute("DROP DATABASE IF EXISTS " + featuresDb);
            statement.execute("DROP DATABASE IF EXISTS " + alertsDb);
            statement.execute("DROP DATABASE IF EXISTS " + suggestionsDb);
            for (Fleet fleet : fleets) {
                statement.execute("DROP DATABASE IF EXISTS " + fleet.database());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Admin admin = Admin.create(KafkaClients.config())) {
            List<String> topics = new ArrayList<>(List.of(eventsTopic, deadLetterTopic, featureUpdatesTopic, featureUpdatesDeadLetterTopic,
                    alertsTopic, revocationsTopic, rejectionsTopic));
            fleets.forEach(fleet -> topics.add(fleet.topic()));
            admin.deleteTopics(topics);
        }
    }

    /** A new user with its device token, as an admin would create it. */
    User createUser(String name, String timeZone) {
        Response response = given().baseUri(ingest.baseUrl())
                .auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(timeZone == null ? Map.of("nombre", name) : Map.of("nombre", name, "tz", timeZone))
                .post("/admin/api/usuarios");
        response.then().statusCode(201);
        return new User(response.jsonPath().getLong("usuario_id"), response.jsonPath().getString("token"));
    }

    Response postEvents(User user, Object body) {
        return given().baseUri(ingest.baseUrl()).auth().oauth2(user.token()).contentType(ContentType.JSON)
                .body(body).post("/api/v1/eventos");
    }

    Response getUsage(User user, String path) {
        return given().baseUri(features.baseUrl()).auth().oauth2(user.token()).get("/api/v1/uso" + path);
    }

    /** A JSON request to features-service as the given user. */
    RequestSpecification features(User user) {
        return given().baseUri(features.baseUrl()).auth().oauth2(user.token()).contentType(ContentType.JSON);
    }

    /** A request to features-service with no token at all. */
    RequestSpecification featuresAnonymous() {
        return given().baseUri(features.baseUrl()).contentType(ContentType.JSON);
    }

    /** A request to features-service with the operator's token. */
    RequestSpecification featuresAdmin() {
        return given().baseUri(features.baseUrl()).auth().oauth2(ADMIN_TOKEN);
    }

    /**
     * A counter of features-service without labels, as /q/metrics shows it now; 0 before its first count.
     * Tests on a {@link SharedSystem} compare it before and after their own events.
     */
    double featuresCounter(String name) {
        String metrics = given().baseUri(features.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).strip())).findFirst().orElse(0);
    }

    /** A request to the first alerts-service replica as the given user. */
    RequestSpecification alerts(User user) {
        return alerts(0, user);
    }

    RequestSpecification alerts(int replica, User user) {
        return given().baseUri(alerts.get(replica).baseUrl()).auth().oauth2(user.token()).contentType(ContentType.JSON);
    }

    /** Creates a limit and returns its id. */
    long createLimit(User user, Map<String, Object> limit) {
        return alerts(user).body(limit).post("/api/v1/limites").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    Connection featureStore() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(featuresDb), "root", "");
    }

    /** A connection to one of this system's databases (ingestDb, featuresDb, alertsDb). */
    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(name), "root", "");
    }

    record User(long id, String token) {
    }

    private String featureStoreUrl(String database) {
        return jdbcUrl(mysql, database) + "?createDatabaseIfNotExist=true&rewriteBatchedStatements=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    private static String jdbcUrl(String database) {
        return jdbcUrl(MYSQL, database);
    }

    private static String jdbcUrl(String address, String database) {
        return "jdbc:mysql://" + address + "/" + database;
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> map = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Path[] writeKeyPair(Path dir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Path privateKey = dir.resolve("private.pem");
            Path publicKey = dir.resolve("public.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new Path[] {privateKey, publicKey};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
