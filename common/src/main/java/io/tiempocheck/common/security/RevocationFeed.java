package io.tiempocheck.common.security;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Follows the compacted revocations topic on every replica of every service. Each replica reads all
 * partitions itself (no consumer group, nothing committed) from the beginning at every start and then
 * keeps polling, so a revocation reaches every replica within a poll of being published, and a
 * restarted replica knows every revocation ever made before it is ready (see {@link RevocationsReadiness}).
 * The topic is created compacted when missing: an auto-created topic would delete old revocations.
 * A lost connection is retried forever with a pause; re-reading from the beginning is harmless.
 */
@ApplicationScoped
public class RevocationFeed {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final RevokedTokens revoked;
    private final Map<String, Object> kafka;
    private final String topic;
    private final Duration pollTimeout;
    private final boolean enabled;
    private volatile boolean running = true;
    private Thread thread;

    public RevocationFeed(RevokedTokens revoked, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "tiempocheck.topics.token-revocations", defaultValue = "tiempocheck.token-revocations.v1") String topic,
            @ConfigProperty(name = "tiempocheck.revocations.poll-timeout", defaultValue = "PT1S") Duration pollTimeout,
            @ConfigProperty(name = "tiempocheck.revocations.enabled", defaultValue = "true") boolean enabled) {
        this.revoked = revoked;
        this.kafka = kafka;
        this.topic = topic;
        this.pollTimeout = pollTimeout;
        this.enabled = enabled;
    }

    public String topic() {
        return topic;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warn("Token revocations are not followed (tiempocheck.revocations.enabled=false)");
            revoked.markCaughtUp();
            return;
        }
        thread = new Thread(this::follow, "token-revocations");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                    new StringDeserializer())) {
                ensureTopic();
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(pollTimeout)) {
                        Optional<Revocation> revocation = Revocation.parse(record.key(), record.value());
                        if (revocation.isPresent()) {
                            revoked.apply(revocation.get());
                        } else {
                            LOG.warnf("Skipping a revocation record this version does not understand: %s=%s", record.key(), record.value());
                        }
                    }
                    if (!revoked.isCaughtUp() && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                        LOG.infof("Revocations read up to where %s stood at start", topic);
                        revoked.markCaughtUp();
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(e, "Following %s failed, retrying in %s", topic, RETRY_PAUSE);
                try {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions yet");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(clientProperties())) {
            NewTopic compacted = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(compacted)).all().get();
            LOG.infof("Created the compacted topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }

    /** The shared kafka.* settings; a short default.api.timeout.ms (readiness) needs a request timeout within it. */
    private Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(kafka);
        Object apiTimeout = properties.get(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (apiTimeout != null) {
            properties.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, apiTimeout);
        }
        return properties;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = clientProperties();
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }
}
