package io.tiempocheck.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/kubernetes: every overlay renders, every object fits its schema and the project's rules. */
class ManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("tiempocheck.root", "../../..")).toAbsolutePath().normalize();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final List<String> SERVICES =
            List.of("ingest-service", "features-service", "alerts-service", "suggestions-service", "web");

    @Test
    void devRendersValidObjects() throws Exception {
        ManifestValidator.Rendered dev = valid("overlays/dev");
        assertEquals(Map.of("Deployment", 5L, "StatefulSet", 1L, "Kafka", 1L, "KafkaNodePool", 1L,
                "KafkaTopic", 7L, "KafkaUser", 4L, "Ingress", 2L), count(dev, Set.of("Deployment", "StatefulSet",
                "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Ingress")));
        for (KafkaTopic topic : of(dev, KafkaTopic.class)) {
            assertEquals(1, topic.getSpec().getReplicas(), topic.getMetadata().getName());
            assertEquals(1, topic.getSpec().getConfig().get("min.insync.replicas"), topic.getMetadata().getName());
        }
        of(dev, Deployment.class).forEach(d -> assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName()));
    }

    @Test
    void prodRendersValidObjects() throws Exception {
        ManifestValidator.Rendered prod = valid("overlays/prod");
        assertEquals(Map.of("Deployment", 5L, "StatefulSet", 0L, "HorizontalPodAutoscaler", 2L,
                "PodDisruptionBudget", 5L, "KafkaTopic", 7L), count(prod, Set.of("Deployment", "StatefulSet",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "KafkaTopic")));
        for (KafkaTopic topic : of(prod, KafkaTopic.class)) {
            assertEquals(3, topic.getSpec().getReplicas(), topic.getMetadata().getName());
            assertEquals(2, topic.getSpec().getConfig().get("min.insync.replicas"), topic.getMetadata().getName());
        }
        for (Deployment deployment : of(prod, Deployment.class)) {
            String name = deployment.getMetadata().getName();
            if (name.equals("features-service") || name.equals("alerts-service")) {
                assertTrue(deployment.getSpec().getReplicas() >= 3, name);
                assertTrue(deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity() != null, name);
            }
        }
    }

    /** The KafkaUsers grant exactly deploy/kafka/acls.txt, the ACLs the local broker runs with. */
    @Test
    void kafkaUsersGrantTheLocalBrokersAcls() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/kafka/acls.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            for (String operation : f[4].split(",")) {
                // Kafka's PREFIXED is Strimzi's "prefix".
                String pattern = f[2].equals("PREFIXED") ? "prefix" : f[2];
                expected.add(String.join(" ", f[0], f[1], pattern, f[3], operation).toLowerCase(Locale.ROOT));
            }
        }
        Set<String> granted = new TreeSet<>();
        for (KafkaUser user : of(valid("overlays/prod"), KafkaUser.class)) {
            var authorization = (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
            for (AclRule acl : authorization.getAcls()) {
                String resource;
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    resource = "topic " + topic.getPatternType() + " " + topic.getName();
                } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                    resource = "group " + group.getPatternType() + " " + group.getName();
                } else {
                    resource = "unexpected " + acl.getResource();
                }
                acl.getOperations().forEach(operation -> granted.add(
                        (user.getMetadata().getName() + " " + resource + " " + operation).toLowerCase(Locale.ROOT)));
            }
        }
        assertEquals(expected, granted);
    }

    /**
     * base/generated holds what quarkus-kubernetes writes from the services' current settings. Compared
     * as YAML trees, not as text: quarkus-kubernetes does not write a map's keys (labels, selectors) in
     * the same order from one build to the next.
     */
    @Test
    void generatedManifestsAreCurrent() throws IOException {
        for (String service : SERVICES) {
            Path built = ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
            if (Files.exists(built)) {
                assertEquals(documents(built), documents(KUBERNETES.resolve("base/generated/" + service + ".yml")),
                        service + ": base/generated is stale, run deploy/kubernetes/generate.sh and commit it");
            }
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        return ManifestValidator.documents(Files.readString(file));
    }

    @Test
    void refusesADeploymentWithoutProbesOrResources() throws Exception {
        List<String> problems = ManifestValidator.validate(fixture("bad-workload")).problems();
        assertEquals(List.of(
                "Deployment/careless-service container careless: no livenessProbe",
                "Deployment/careless-service container careless: no readinessProbe",
                "Deployment/careless-service container careless: resources.requests needs cpu and memory",
                "Deployment/careless-service container careless: resources.limits needs memory"), problems);
    }

    @Test
    void refusesUnknownFieldsValuesAndKinds() throws Exception {
        String problems = String.join("\n", ManifestValidator.validate(fixture("unknown-fields")).problems());
        assertTrue(problems.contains("Deployment/typo-service.spec: unknown field(s) [replica]"), problems);
        assertTrue(problems.contains("KafkaTopic/typo-topic.spec: unknown field(s) [partition]"), problems);
        assertTrue(problems.contains("KafkaUser/typo-user.spec.authorization.acls[0].operations[0]: not a valid value"), problems);
        assertTrue(problems.contains("Unheard/nobody-knows: no schema for example.org/v1 Unheard"), problems);
    }

    private static ManifestValidator.Rendered valid(String overlay) throws Exception {
        ManifestValidator.Rendered rendered = ManifestValidator.validate(KUBERNETES.resolve(overlay));
        assertEquals(List.of(), rendered.problems(), overlay);
        return rendered;
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources", name).toAbsolutePath();
    }

    private static Map<String, Long> count(ManifestValidator.Rendered rendered, Set<String> kinds) {
        Map<String, Long> counts = rendered.objects().stream().map(HasMetadata::getKind).filter(kinds::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        kinds.forEach(kind -> counts.putIfAbsent(kind, 0L));
        return counts;
    }

    private static <T> List<T> of(ManifestValidator.Rendered rendered, Class<T> type) {
        return rendered.objects().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
