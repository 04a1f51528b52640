package io.tiempocheck.alerts.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.JsonInputErrors;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads request bodies so that a wrong type is a 400 naming the field, not a bare 400 or a 500.
 * The mapper is the service's, made strict by common's StrictJson: no coercion between strings,
 * numbers and booleans, nothing after the value.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException(null, "falta el cuerpo JSON");
        }
        try {
            T value = mapper.readerFor(type).readValue(body);
            if (value == null) {
                throw new InvalidInputException(null, "el cuerpo debe ser un objeto JSON");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonInputErrors.of(e);
        }
    }
}
