package io.tiempocheck.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a request body strictly, so that a wrong type or an unknown field is a 400 naming the
 * field, never a bare 400 or a 500: a misspelt {@code "umbral_avisos"} silently ignored would leave
 * the default in place. The mapper is the service's, already strict about coercions (StrictJson).
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
            T value = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
            if (value == null) {
                throw new InvalidInputException(null, "el cuerpo debe ser un objeto JSON");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonInputErrors.of(e);
        }
    }
}
