package io.tiempocheck.ingest.service;

import io.smallrye.mutiny.Uni;
import io.tiempocheck.ingest.messaging.UsageEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EventIntakeService {

    private final EventValidator validator;
    private final UsageEventPublisher publisher;

    public EventIntakeService(EventValidator validator, UsageEventPublisher publisher) {
        this.validator = validator;
        this.publisher = publisher;
    }

    /** Validates the batch and completes only after Kafka has acknowledged every accepted event. */
    public Uni<ValidatedBatch> take(EventBatch body, Caller caller) {
        ValidatedBatch batch = validator.validate(body, caller);
        return publisher.publishAll(batch.accepted()).replaceWith(batch);
    }
}
