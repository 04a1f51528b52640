package io.tiempocheck.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place the e2e tests and benchmarks get the broker's address and user from, for their own Kafka
 * clients and for the services they start. deploy/local/test.sh (and the bench scripts) pass the runner's
 * client settings file ({@code -Dtiempocheck.kafka.client-config}, SASL/SCRAM as the runner's admin user, who
 * may use the topics and groups each test invents); without it the broker is a PLAINTEXT one.
 */
final class KafkaClients {

    private static final Optional<Path> CONFIG_FILE = Optional.ofNullable(System.getProperty("tiempocheck.kafka.client-config")).map(Path::of);
    private static final Map<String, String> SETTINGS = load();
    static final String BOOTSTRAP = System.getProperty("tiempocheck.kafka", SETTINGS.getOrDefault("bootstrap.servers", "127.0.0.1:9092"));
    private static final Pattern USER = Pattern.compile("username=\"([^\"]*)\"\\s+password=\"([^\"]*)\"");

    private KafkaClients() {
    }

    /** A client configuration for this broker with its user, plus the given key-value pairs. */
    static Map<String, Object> config(Object... pairs) {
        Map<String, Object> config = new HashMap<>(SETTINGS);
        config.put("bootstrap.servers", BOOTSTRAP);
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return config;
    }

    /** The environment that points a service's Kafka clients (kafka.* in its application.properties) at the broker. */
    static Map<String, String> serviceEnv(String bootstrap) {
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap));
        String jaas = SETTINGS.get("sasl.jaas.config");
        if (jaas != null) {
            Matcher user = USER.matcher(jaas);
            if (!user.find()) {
                throw new IllegalStateException("no username and password in sasl.jaas.config of " + CONFIG_FILE.orElseThrow());
            }
            env.put("TIEMPOCHECK_KAFKA_SECURITY_PROTOCOL", SETTINGS.get("security.protocol"));
            env.put("TIEMPOCHECK_KAFKA_USERNAME", user.group(1));
            env.put("TIEMPOCHECK_KAFKA_PASSWORD", user.group(2));
        }
        return env;
    }

    /** Arguments that give a Kafka command line tool (ProducerPerformance) this broker's user. */
    static List<String> toolArguments(String configOption) {
        return CONFIG_FILE.map(file -> List.of(configOption, file.toString())).orElse(List.of());
    }

    private static Map<String, String> load() {
        Map<String, String> settings = new HashMap<>();
        CONFIG_FILE.ifPresent(file -> {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the broker's client settings " + file, e);
            }
            properties.forEach((key, value) -> settings.put((String) key, (String) value));
        });
        return settings;
    }
}
