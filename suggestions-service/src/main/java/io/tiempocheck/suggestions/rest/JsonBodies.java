package io.tiempocheck.suggestions.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

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
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(field(e), "campo desconocido");
        } catch (MismatchedInputException e) {
            // A date is a text of a given form, refused in the words a query parameter's date is.
            if (e.getTargetType() == LocalDate.class) {
                throw new InvalidInputException(field(e), QueryDates.NOT_A_DATE);
            }
            throw new InvalidInputException(field(e), "tipo no válido: se esperaba " + expected(e));
        } catch (JsonMappingException e) {
            throw new InvalidInputException(field(e), "valor no válido: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(null, "el cuerpo no es JSON válido: " + e.getOriginalMessage());
        }
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "otro tipo";
        }
        if (target == BigDecimal.class || target == Double.class || target == double.class) {
            return "un número";
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "un número entero";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "una lista";
        }
        if (Map.class.isAssignableFrom(target)) {
            return "un objeto";
        }
        if (target == String.class) {
            return "un texto";
        }
        return "un objeto";
    }
}
