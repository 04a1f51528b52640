package io.tiempocheck.ingest.messaging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.tiempocheck.common.event.UsageEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes the topic's JSON contract as a token stream: the same document as the application's
 * ObjectMapper writes (UsageEventSerializerTest holds the two together), at a fraction of the cost.
 * recibido_en is one instant per HTTP batch, so its text is kept from one event to the next.
 */
final class UsageEventSerializer implements Serializer<UsageEvent> {

    private final JsonFactory json;
    private volatile ReceivedAt lastReceivedAt = new ReceivedAt(Instant.EPOCH, DateTimeFormatter.ISO_INSTANT.format(Instant.EPOCH));

    UsageEventSerializer(JsonFactory json) {
        this.json = json;
    }

    @Override
    public byte[] serialize(String topic, UsageEvent event) {
        if (event == null) {
            return null;
        }
        try (ByteArrayBuilder out = new ByteArrayBuilder(320)) {
            try (JsonGenerator generator = json.createGenerator(out)) {
                generator.writeStartObject();
                generator.writeNumberField("schema_ver", event.schemaVer());
                generator.writeStringField("event_id", event.eventId().toString());
                generator.writeNumberField("usuario_id", event.usuarioId());
                generator.writeStringField("device_id", event.deviceId());
                generator.writeStringField("dominio", event.dominio());
                generator.writeStringField("fecha_hora", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.fechaHora()));
                generator.writeNumberField("tiempo", event.tiempo());
                generator.writeStringField("recibido_en", receivedAt(event.recibidoEn()));
                generator.writeStringField("tz", event.tz());
                generator.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot write usage event " + event.eventId(), e);
        }
    }

    private String receivedAt(Instant instant) {
        ReceivedAt last = lastReceivedAt;
        if (!last.instant().equals(instant)) {
            last = new ReceivedAt(instant, DateTimeFormatter.ISO_INSTANT.format(instant));
            lastReceivedAt = last;
        }
        return last.text();
    }

    private record ReceivedAt(Instant instant, String text) {
    }
}
