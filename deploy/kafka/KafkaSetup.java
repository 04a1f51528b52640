import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Run by deploy/local/lib.sh with the broker's jars (java -cp ... KafkaSetup.java admin.properties acls.txt
 * [kafka-topics.yaml]): checks that the broker on the configured port takes the runner's admin user, then
 * creates the ACLs of acls.txt (creating an ACL that exists changes nothing) and, given the Strimzi
 * KafkaTopics of deploy/kubernetes, every topic with the partitions and configuration written there, so
 * the local broker and a cluster agree on how many replicas can share a consumer group. Exits 1 with the
 * reason when the broker refuses.
 */
public class KafkaSetup {

    public static void main(String[] args) throws IOException, InterruptedException {
        Properties config = new Properties();
        try (FileReader reader = new FileReader(args[0])) {
            config.load(reader);
        }
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        List<AclBinding> acls = acls(Path.of(args[1]));
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            if (args.length > 2) {
                createTopics(admin, topics(Path.of(args[2])));
            }
        } catch (ExecutionException e) {
            System.err.println("The broker at " + config.get("bootstrap.servers") + " refused the runner's admin user: " + e.getCause());
            System.exit(1);
        } catch (TimeoutException e) {
            System.err.println("The broker at " + config.get("bootstrap.servers") + " did not answer a SASL/SCRAM client within 30 s");
            System.exit(1);
        }
    }

    /**
     * Creates the topics that do not exist yet; one that exists with fewer partitions (auto-created by a client
     * before this runner created topics) gets the missing ones, which moves some users' later events to another
     * partition: harmless, as each event is recorded once whichever consumer reads it.
     */
    private static void createTopics(Admin admin, List<NewTopic> topics) throws InterruptedException, ExecutionException, TimeoutException {
        var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        List<String> present = topics.stream().map(NewTopic::name).filter(existing::contains).toList();
        Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = new HashMap<>();
        for (NewTopic topic : topics) {
            TopicDescription now = described.get(topic.name());
            if (now != null && now.partitions().size() < topic.numPartitions()) {
                System.err.println(topic.name() + ": " + now.partitions().size() + " partitions, raised to " + topic.numPartitions());
                grow.put(topic.name(), NewPartitions.increaseTo(topic.numPartitions()));
            }
        }
        admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
    }

    /**
     * The KafkaTopics of a Strimzi manifest: metadata.name, spec.partitions and spec.config, read line by line
     * (the file is ours and flat). One broker here: replication factor 1, and min.insync.replicas left to the
     * broker's 1, since the cluster's 2 could never be met.
     */
    static List<NewTopic> topics(Path manifest) throws IOException {
        List<NewTopic> topics = new ArrayList<>();
        String name = null;
        int partitions = 0;
        Map<String, String> config = new HashMap<>();
        boolean inConfig = false;
        for (String line : Files.readAllLines(manifest)) {
            String trimmed = line.strip();
            if (trimmed.equals("---")) {
                addTopic(topics, name, partitions, config);
                name = null;
                partitions = 0;
                config = new HashMap<>();
                inConfig = false;
            } else if (line.startsWith("  name: ")) {
                name = trimmed.substring("name: ".length());
            } else if (line.startsWith("  partitions: ")) {
                partitions = Integer.parseInt(trimmed.substring("partitions: ".length()));
            } else if (line.startsWith("  config:")) {
                inConfig = true;
            } else if (inConfig && line.startsWith("    ") && trimmed.contains(": ")) {
                String key = trimmed.substring(0, trimmed.indexOf(": "));
                if (!key.equals("min.insync.replicas")) {
                    config.put(key, trimmed.substring(key.length() + 2));
                }
            } else if (!line.startsWith("    ")) {
                inConfig = false;
            }
        }
        addTopic(topics, name, partitions, config);
        return topics;
    }

    private static void addTopic(List<NewTopic> topics, String name, int partitions, Map<String, String> config) {
        if (name != null && partitions > 0) {
            topics.add(new NewTopic(name, partitions, (short) 1).configs(config));
        }
    }

    private static List<AclBinding> acls(Path file) throws IOException {
        List<AclBinding> acls = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 5 || f[0].startsWith("#")) {
                continue;
            }
            ResourcePattern resource = new ResourcePattern(ResourceType.fromString(f[1]), f[3], PatternType.fromString(f[2]));
            for (String operation : f[4].split(",")) {
                acls.add(new AclBinding(resource, new AccessControlEntry("User:" + f[0], "*",
                        AclOperation.fromString(operation), AclPermissionType.ALLOW)));
            }
        }
        return acls;
    }
}
