package io.tiempocheck.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.Collection;

/** A body Jackson could not read, told as the field at fault (its JSON path) and why. */
public final class JsonInputErrors {

    private JsonInputErrors() {
    }

    public static InvalidInputException of(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new InvalidInputException(field(mismatch), "tipo no válido: se esperaba " + expected(mismatch));
        }
        if (e instanceof MismatchedInputException) {
            return new InvalidInputException(null, "el cuerpo debe ser " + expected((MismatchedInputException) e));
        }
        return new InvalidInputException(null, "el cuerpo no es JSON válido: " + e.getOriginalMessage());
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
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "un número entero";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true o false";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "una lista";
        }
        if (target == String.class) {
            return "un texto";
        }
        return "un objeto";
    }
}
