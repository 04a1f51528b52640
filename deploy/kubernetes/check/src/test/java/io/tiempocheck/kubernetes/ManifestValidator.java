package io.tiempocheck.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomize directory with {@code kubectl kustomize} and checks every object it yields.
 *
 * <p>Schema: each object is bound to its class in the fabric8 Kubernetes model (core, apps, networking,
 * autoscaling, policy) or in Strimzi's API model ({@code io.strimzi:api}, the classes Strimzi generates
 * its CRDs from). Binding fails on a wrong type or enum value; a field the model does not know lands in
 * the class's additional properties, which this validator walks and reports, so a misspelt or misplaced
 * field fails too, and so does a list item bound to nothing (a value outside one of Strimzi's enums).
 * A kind neither model knows is an error.
 *
 * <p>Rules of the project on top of the schema: every container of a Deployment or StatefulSet has
 * liveness and readiness probes, CPU and memory requests and a memory limit.
 */
final class ManifestValidator {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            "kafka.strimzi.io/Kafka", Kafka.class,
            "kafka.strimzi.io/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/KafkaUser", KafkaUser.class);

    record Rendered(List<HasMetadata> objects, List<String> problems) {
    }

    /** The documents of a multi-document YAML text, as trees (equal whatever the order of a map's keys). */
    static List<JsonNode> documents(String yaml) throws IOException {
        return YAML.readValues(YAML.getFactory().createParser(yaml), JsonNode.class).readAll();
    }

    static Rendered validate(Path kustomization) throws IOException, InterruptedException {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode document : documents(render(kustomization))) {
            if (document == null || document.isEmpty()) {
                continue;
            }
            String name = document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
            try {
                HasMetadata object = bind((ObjectNode) document);
                unknownFields(object, name, problems, new IdentityHashMap<>());
                if (object instanceof Deployment deployment) {
                    workloadRules(name, deployment.getSpec().getTemplate().getSpec(), problems);
                } else if (object instanceof StatefulSet statefulSet) {
                    workloadRules(name, statefulSet.getSpec().getTemplate().getSpec(), problems);
                }
                objects.add(object);
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return new Rendered(objects, problems);
    }

    private static String render(Path kustomization) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes());
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + kustomization + " failed:\n" + output);
        }
        return output;
    }

    private static HasMetadata bind(ObjectNode document) {
        String group = document.path("apiVersion").asText().replaceFirst("/[^/]*$", "");
        Class<? extends HasMetadata> strimzi = STRIMZI.get(group + "/" + document.path("kind").asText());
        HasMetadata object = strimzi != null
                ? SERIALIZATION.convertValue(document, strimzi)
                : SERIALIZATION.convertValue(document, HasMetadata.class);
        if (object instanceof GenericKubernetesResource) {
            throw new IllegalArgumentException("no schema for " + document.path("apiVersion").asText() + " "
                    + document.path("kind").asText());
        }
        return object;
    }

    /** Every model object keeps fields it does not know in getAdditionalProperties(): there must be none. */
    private static void unknownFields(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                // Strimzi's enums read a value they do not know as null (an ACL operation, for one).
                if (item == null) {
                    problems.add(path + "[" + i + "]: not a valid value");
                }
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, problems, seen));
            return;
        }
        String type = node.getClass().getName();
        if (!type.startsWith("io.fabric8.kubernetes.api.model") && !type.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(value, path + "." + field, problems, seen);
            }
        }
    }

    private static void workloadRules(String name, PodSpec pod, List<String> problems) {
        for (Container container : pod.getContainers()) {
            String where = name + " container " + container.getName();
            if (container.getLivenessProbe() == null) {
                problems.add(where + ": no livenessProbe");
            }
            if (container.getReadinessProbe() == null) {
                problems.add(where + ": no readinessProbe");
            }
            var resources = container.getResources();
            Map<String, ?> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
            Map<String, ?> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
            if (!requests.keySet().containsAll(Set.of("cpu", "memory"))) {
                problems.add(where + ": resources.requests needs cpu and memory");
            }
            if (!limits.containsKey("memory")) {
                problems.add(where + ": resources.limits needs memory");
            }
        }
    }

    private ManifestValidator() {
    }
}
