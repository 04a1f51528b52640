package io.tiempocheck.common.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one way every service reads a date from a query string, and the bounds and wording for a date
 * read from a body. java.time accepts years up to ±999,999,999, where the day before or after, a week
 * back or a zone's start of day no longer exist; no usage can lie outside these bounds, so a date
 * beyond them is refused naming the field.
 */
public final class QueryDates {

    /** Ingest refuses events before this day, so nothing is stored earlier. */
    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2099, 12, 31);
    /** The longest range an operator's query (QA, rebuild) may ask for: ten years, leap days included. */
    public static final int MAX_RANGE_DAYS = 3660;
    /** What a date looks like, for messages that name it among other forms. */
    public static final String A_DATE = "una fecha AAAA-MM-DD";
    public static final String NOT_A_DATE = "debe ser " + A_DATE;

    private QueryDates() {
    }

    public static LocalDate parse(String field, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, NOT_A_DATE);
        }
        return bounded(field, date);
    }

    /** {@code date} when it lies within {@link #FIRST}..{@link #LAST}; a body's dates pass here after Jackson read them. */
    public static LocalDate bounded(String field, LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new InvalidInputException(field, "debe ser una fecha entre " + FIRST + " y " + LAST);
        }
        return date;
    }

    /** The refusal of a range longer than {@code maxDays}, both ends counted. */
    public static String tooLong(int maxDays) {
        return "el rango admite como máximo " + maxDays + " días";
    }

    /** The days {@code from..to}, both inclusive. */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    /**
     * A range from {@code dia} alone, or {@code desde}/{@code hasta}; {@code defaultFrom}/{@code defaultTo}
     * fill in what is missing. At most {@code maxDays} days, {@code desde} not after {@code hasta}.
     */
    public static DateRange range(String day, String from, String to, LocalDate defaultFrom, LocalDate defaultTo, int maxDays) {
        if (day != null && (from != null || to != null)) {
            throw new InvalidInputException("dia", "usa dia o desde/hasta, no ambos");
        }
        LocalDate first = day != null ? parse("dia", day) : from != null ? parse("desde", from) : defaultFrom;
        LocalDate last = day != null ? first : to != null ? parse("hasta", to) : defaultTo;
        if (first.isAfter(last)) {
            throw new InvalidInputException("desde", "debe ser anterior o igual a hasta");
        }
        if (days(first, last) > maxDays) {
            throw new InvalidInputException("desde", tooLong(maxDays));
        }
        return new DateRange(first, last);
    }

    /** The days {@code first..last} span, both counted. */
    public static long days(LocalDate first, LocalDate last) {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }
}
