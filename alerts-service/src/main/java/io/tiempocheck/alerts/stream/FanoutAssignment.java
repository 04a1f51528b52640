package io.tiempocheck.alerts.stream;

import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * Knows when this replica's notice consumer owns the alerts topic's partitions and has fixed its
 * start offsets: before that a notice could pass unseen, so readiness waits for it.
 */
@ApplicationScoped
@Identifier(FanoutAssignment.NAME)
public class FanoutAssignment implements KafkaConsumerRebalanceListener {

    public static final String NAME = "alert-notices-fanout";

    private volatile boolean assigned;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // position() resolves auto.offset.reset=latest now, not at the first fetch.
        partitions.forEach(consumer::position);
        assigned = !partitions.isEmpty() || assigned;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // A replica alone in its group gets everything back at once; nothing to release.
    }

    public boolean isAssigned() {
        return assigned;
    }
}
