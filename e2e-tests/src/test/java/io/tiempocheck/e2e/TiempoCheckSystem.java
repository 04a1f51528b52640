package io.tiempocheck.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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

import static io.restassured.RestAssured.given;

/**
 * ingest-service, features-service and (when asked) alerts-service started as processes against the real broker on
 * 127.0.0.1:9092 and the real MySQL/MariaDB on 127.0.0.1:3306, each system with databases, topics
 * and a consumer group of its own, so runs and test classes never see each other's data.
 */
final class TiempoCheckSystem implements AutoCloseable {

    static final String KAFKA = System.getProperty("tiempocheck.kafka", "127.0.0.1:9092");
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
    final ServiceProcess ingest;
    final ServiceProcess features;
    /** Replicas of alerts-service, sharing one database and one evaluation group; empty until {@link #startAlerts}. */
    final List<ServiceProcess> alerts = new ArrayList<>();
    private final Path root;
    private final Path work;
    private final Map<String, String> common;
    /** The private (signing) and public key of this system's device tokens. */
    final Path[] keys;
    private final Map<String, String> featuresEnv;
    private final List<ServiceProcess> extraFeatures = new ArrayList<>();

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
        root = Path.of(System.getProperty("tiempocheck.root", "..")).toAbsolutePath().normalize();
        work = root.resolve("e2e-tests/target/e2e-" + runId);
        keys = writeKeyPair(work);
        common = Map.of(
                "TIEMPOCHECK_TOPICS_FEATURE_UPDATES_DLQ", featureUpdatesDeadLetterTopic,
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys[1].toString(),
                "TIEMPOCHECK_ADMIN_TOKEN", ADMIN_TOKEN,
                "TIEMPOCHECK_TOPICS_USAGE_EVENTS", eventsTopic,
                "TIEMPOCHECK_TOPICS_USAGE_EVENTS_DLQ", deadLetterTopic,
                "TIEMPOCHECK_TOPICS_FEATURE_UPDATES", featureUpdatesTopic,
                "TIEMPOCHECK_TOPICS_ALERTS", alertsTopic);
        ingest = new ServiceProcess("ingest-service", root, freePort(), with(common,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(ingestDb) + "?createDatabaseIfNotExist=true",
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", keys[0].toString()), work);
        featuresEnv = with(common,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(featuresDb) + "?createDatabaseIfNotExist=true&rewriteBatchedStatements=true"
                        + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
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
     * Starts ingest and features. If one does not come up, the system is closed before the failure
     * propagates: the test never gets it to close, and its processes must not outlive the test.
     */
    TiempoCheckSystem start() {
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
            Map<String, String> env = with(with(common,
                    "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(alertsDb) + "?createDatabaseIfNotExist=true",
                    "QUARKUS_DATASOURCE_FEATURES_JDBC_URL", jdbcUrl(featuresDb),
                    "TIEMPOCHECK_CONSUMER_GROUP", "alerts-" + runId,
                    "TIEMPOCHECK_INSTANCE_ID", "alerts-service-" + alerts.size()), settings);
            ServiceProcess replica = new ServiceProcess("alerts-service", root, freePort(), env, work, "alerts-service-" + i);
            alerts.add(replica);
            try {
                replica.heap(heap).start();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        return this;
    }

    @Override
    public void close() {
        alerts.forEach(ServiceProcess::stop);
        ingest.stop();
        features.stop();
        extraFeatures.forEach(ServiceProcess::stop);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + ingestDb);
            statement.execute("DROP DATABASE IF EXISTS " + featuresDb);
            statement.execute("DROP DATABASE IF EXISTS " + alertsDb);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.deleteTopics(List.of(eventsTopic, deadLetterTopic, featureUpdatesTopic, featureUpdatesDeadLetterTopic, alertsTopic));
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

    /** A request to features-service with the operator's token. */
    RequestSpecification featuresAdmin() {
        return given().baseUri(features.baseUrl()).auth().oauth2(ADMIN_TOKEN);
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

    record User(long id, String token) {
    }

    private static String jdbcUrl(String database) {
        return "jdbc:mysql://" + MYSQL + "/" + database;
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
