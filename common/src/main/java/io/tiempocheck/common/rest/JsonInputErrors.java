package io.tiempocheck.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/** A body Jackson could not read, told as the field at fault (its JSON path) and why. */
public final class JsonInputErrors {

    private JsonInputErrors() {
    }

    public static InvalidInputException of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidInputException(field(unknown), "campo desconocido");
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            // A date is a text of a given form, refused in the words a query parameter's date is.
            if (mismatch.getTargetType() == LocalDate.class) {
                return new InvalidInputException(field(mismatch), QueryDates.NOT_A_DATE);
            }
            return new InvalidInputException(field(mismatch), "tipo no válido: se esperaba " + expected(mismatch));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new InvalidInputException(null, "el cuerpo debe ser " + expected(mismatch));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new InvalidInputException(field(mapping), "valor no válido: " + e.getOriginalMessage());
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
        if (target == BigDecimal.class || target == Double.class || target == double.class
                || target == Float.class || target == float.class) {
            return "un número";
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
