package io.tiempocheck.common.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The one way every service reads a date from a query string. java.time accepts years up to
 * ±999,999,999, where the day before or after, a week back or a zone's start of day no longer
 * exist; no usage can lie outside these bounds, so a date beyond them is refused naming the field.
 */
public final class QueryDates {

    /** Ingest refuses events before this day, so nothing is stored earlier. */
    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2099, 12, 31);

    private QueryDates() {
    }

    public static LocalDate parse(String field, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "debe ser una fecha AAAA-MM-DD");
        }
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new InvalidInputException(field, "debe ser una fecha entre " + FIRST + " y " + LAST);
        }
        return date;
    }
}
