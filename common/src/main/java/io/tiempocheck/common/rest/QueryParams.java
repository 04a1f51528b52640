package io.tiempocheck.common.rest;

/**
 * Query parameters other than dates (those are {@link QueryDates}) parsed, or answered with 400
 * naming the parameter: never JAX-RS's 404 for a bad conversion.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code usuario_id}, null when absent. */
    public static Long userId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("usuario_id", "debe ser un número entero");
        }
    }

    /** {@code top} between 1 and {@code max}, {@code fallback} when absent. */
    public static int top(String value, int fallback, int max) {
        return count("top", value, fallback, max);
    }

    /** A whole number between 1 and {@code max}, {@code fallback} when absent. */
    public static int count(String field, String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        int count;
        try {
            count = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > max) {
            throw new InvalidInputException(field, "debe ser un número entero entre 1 y " + max);
        }
        return count;
    }

    /** {@code true} or {@code false}, {@code fallback} when absent. */
    public static boolean flag(String field, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidInputException(field, "debe ser true o false");
    }
}
