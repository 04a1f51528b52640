package io.tiempocheck.suggestions.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.JsonInputErrors;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads request bodies so that a wrong type or an unknown field is a 400 naming the field, not a
 * bare 400 or a 500: a misspelt "multiplicador_limte" silently ignored would leave the default in place.
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
        ObjectReader reader = mapper.readerFor(type)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw new InvalidInputException(null, "el cuerpo debe ser un objeto JSON");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonInputErrors.of(e);
        }
    }
}
