package io.tiempocheck.features.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.tiempocheck.features.config.FeaturesConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** How far the consumer group trails the usage-events topic, partition by partition, asked of the broker. */
@ApplicationScoped
public class ConsumerLagProbe {

    private final Map<String, Object> kafkaConfig;
    private final String group;
    private final String topic;
    private final FeaturesConfig.Health config;
    private final AtomicLong lastTotal = new AtomicLong();
    private volatile Admin admin;

    public ConsumerLagProbe(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "tiempocheck.consumer-group") String group,
            @ConfigProperty(name = "tiempocheck.topics.usage-events") String topic, FeaturesConfig config,
            MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        // The last figure /features_health measured; Kafka's own client metrics give the live per-fetch view.
        registry.gauge("tiempocheck.features.consumer.lag", lastTotal);
        this.group = group;
        this.topic = topic;
        this.config = config.health();
    }

    public ConsumerLag measure() {
        try {
            long timeout = config.kafkaTimeout().toMillis();
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
            var partitions = client.describeTopics(List.of(topic)).allTopicNames().get(timeout, TimeUnit.MILLISECONDS)
                    .get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                    .get(timeout, TimeUnit.MILLISECONDS);
            List<PartitionLag> lags = new ArrayList<>();
            for (var end : ends.entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                long offset = position == null ? 0 : position.offset();
                lags.add(new PartitionLag(end.getKey().partition(), offset, end.getValue().offset(),
                        Math.max(0, end.getValue().offset() - offset)));
            }
            lags.sort(Comparator.comparingInt(PartitionLag::partition));
            long total = lags.stream().mapToLong(PartitionLag::lag).sum();
            lastTotal.set(total);
            return new ConsumerLag(group, topic, total, lags, null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new ConsumerLag(group, topic, null, List.of(), "broker unreachable: " + e);
        }
    }

    /**
     * The end offset of every partition of a topic (its records ever written, for a topic never
     * compacted or trimmed), asked of the broker; empty when the topic does not exist yet.
     *
     * @throws ExecutionException when the broker cannot answer within the health timeout
     */
    public Map<Integer, Long> endOffsets(String topicName) throws ExecutionException, InterruptedException, TimeoutException {
        long timeout = config.kafkaTimeout().toMillis();
        Admin client = admin();
        TopicDescription description;
        try {
            description = client.describeTopics(List.of(topicName)).allTopicNames().get(timeout, TimeUnit.MILLISECONDS)
                    .get(topicName);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topicName, p.partition()), p -> OffsetSpec.latest()));
        Map<Integer, Long> ends = new TreeMap<>();
        client.listOffsets(latest).all().get(timeout, TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    // The shared kafka.* settings an admin client knows: address and the service's broker user.
                    Map<String, Object> settings = new HashMap<>();
                    kafkaConfig.forEach((key, value) -> {
                        if (AdminClientConfig.configNames().contains(key)) {
                            settings.put(key, value);
                        }
                    });
                    int timeout = (int) config.kafkaTimeout().toMillis();
                    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
                    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
                    admin = Admin.create(settings);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }

    public record PartitionLag(
            @JsonProperty("particion") int partition,
            @JsonProperty("offset_confirmado") long committed,
            @JsonProperty("offset_final") long end,
            long lag) {
    }

    public record ConsumerLag(
            @JsonProperty("grupo") String group,
            String topic,
            @JsonProperty("lag_total") Long total,
            @JsonProperty("particiones") List<PartitionLag> partitions,
            String error) {
    }
}
