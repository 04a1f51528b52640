package io.tiempocheck.features.rest;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.features.service.UsageRange;
import io.tiempocheck.features.service.UsageWindow;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Query parameters parsed, or answered with 400 naming the parameter (never JAX-RS's 404 for a bad conversion). */
final class QueryParams {

    private QueryParams() {
    }

    static LocalDate date(String field, String value) {
        return QueryDates.parse(field, value);
    }

    static Long userId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("usuario_id", "debe ser un número entero");
        }
    }

    /** A range from {@code dia} alone, or {@code desde}/{@code hasta}; {@code defaultFrom}/{@code defaultTo} fill in what is missing. */
    static DateRange range(String day, String from, String to, LocalDate defaultFrom, LocalDate defaultTo, int maxDays) {
        if (day != null && (from != null || to != null)) {
            throw new InvalidInputException("dia", "usa dia o desde/hasta, no ambos");
        }
        LocalDate first = day != null ? date("dia", day) : from != null ? date("desde", from) : defaultFrom;
        LocalDate last = day != null ? first : to != null ? date("hasta", to) : defaultTo;
        if (first.isAfter(last)) {
            throw new InvalidInputException("desde", "debe ser anterior o igual a hasta");
        }
        if (ChronoUnit.DAYS.between(first, last) >= maxDays) {
            throw new InvalidInputException("desde", "el rango admite como máximo " + maxDays + " días");
        }
        return new DateRange(first, last);
    }

    /**
     * {@code rango} (default {@code total}) or a custom {@code desde}/{@code hasta} range (both, at most
     * {@code maxDays} days): never both kinds at once.
     */
    static UsageWindow window(String range, String from, String to, LocalDate today, int maxDays) {
        if (range != null && (from != null || to != null)) {
            throw new InvalidInputException("rango", "usa rango o desde/hasta, no ambos");
        }
        if (from == null && to == null) {
            UsageRange parsed = range == null ? UsageRange.TOTAL : UsageRange.fromWire(range)
                    .orElseThrow(() -> new InvalidInputException("rango", "debe ser hoy, 7d, 30d o total"));
            return UsageWindow.of(parsed, today);
        }
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "desde" : "hasta", "un rango personalizado necesita desde y hasta");
        }
        DateRange custom = range(null, from, to, null, null, maxDays);
        return UsageWindow.custom(custom.from(), custom.to());
    }

    /** {@code top} between 1 and {@code max}, {@code fallback} when absent. */
    static int top(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        int top;
        try {
            top = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            top = 0;
        }
        if (top < 1 || top > max) {
            throw new InvalidInputException("top", "debe ser un número entero entre 1 y " + max);
        }
        return top;
    }

    /** {@code true} or {@code false}, {@code fallback} when absent. */
    static boolean flag(String field, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidInputException(field, "debe ser true o false");
    }

    record DateRange(LocalDate from, LocalDate to) {
    }
}
