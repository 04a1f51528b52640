package io.tiempocheck.features.rest;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;

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

    record DateRange(LocalDate from, LocalDate to) {
    }
}
