package io.tiempocheck.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partition count of every topic as deployed: the Strimzi KafkaTopics of deploy/kubernetes, the one
 * place it is written (deploy/local creates the local broker's topics from the same file).
 */
final class DeployedTopics {

    private static final Pattern TOPIC = Pattern.compile("(?m)^  name: (\\S+)$[\\s\\S]*?^  partitions: (\\d+)$");

    private DeployedTopics() {
    }

    /** Topic name (tiempocheck.usage-events.v1, ...) to its partitions. */
    static Map<String, Integer> partitions(Path root) {
        try {
            Map<String, Integer> partitions = new HashMap<>();
            Matcher topic = TOPIC.matcher(Files.readString(root.resolve("deploy/kubernetes/base/kafka/kafka-topics.yaml")));
            while (topic.find()) {
                partitions.put(topic.group(1), Integer.parseInt(topic.group(2)));
            }
            return partitions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
