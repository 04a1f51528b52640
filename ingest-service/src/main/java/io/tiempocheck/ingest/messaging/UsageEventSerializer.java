package io.tiempocheck.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.tiempocheck.common.event.UsageEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** The topic's JSON contract, written with the application's ObjectMapper (ISO-8601 dates, as features-service reads them). */
final class UsageEventSerializer implements Serializer<UsageEvent> {

    private final ObjectWriter writer;

    UsageEventSerializer(ObjectMapper mapper) {
        this.writer = mapper.writerFor(UsageEvent.class);
    }

    @Override
    public byte[] serialize(String topic, UsageEvent event) {
        try {
            return event == null ? null : writer.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write usage event " + event.eventId(), e);
        }
    }
}
