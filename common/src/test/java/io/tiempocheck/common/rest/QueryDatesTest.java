package io.tiempocheck.common.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryDatesTest {

    @Test
    void readsADayWithinTheBounds() {
        assertEquals(LocalDate.of(2026, 12, 1), QueryDates.parse("dia", "2026-12-01"));
        assertEquals(QueryDates.FIRST, QueryDates.parse("dia", "2000-01-01"));
        assertEquals(QueryDates.LAST, QueryDates.parse("dia", "2099-12-31"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "+999999999-12-31", "0000-01-01", "1999-12-31", "2100-01-01"})
    void refusesDaysNoUsageCanHave(String value) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QueryDates.parse("hasta", value));
        assertEquals("hasta", e.field());
        assertEquals("debe ser una fecha entre 2000-01-01 y 2099-12-31", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "ayer", "", "2026-1-1"})
    void refusesWhatIsNotADay(String value) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QueryDates.parse("dia", value));
        assertEquals("dia", e.field());
        assertEquals("debe ser una fecha AAAA-MM-DD", e.getMessage());
    }

    @Test
    void aDateReadElsewhereIsHeldToTheSameBounds() {
        assertEquals(QueryDates.LAST, QueryDates.bounded("hasta", QueryDates.LAST));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QueryDates.bounded("desde", LocalDate.MIN));
        assertEquals("desde", e.field());
        assertEquals("debe ser una fecha entre 2000-01-01 y 2099-12-31", e.getMessage());
    }

    @Test
    void aRangeIsADayOrDesdeHastaInOrderAndAtMostTheMaximum() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertEquals(new QueryDates.DateRange(today, today), QueryDates.range("2026-12-02", null, null, null, null, 1));
        assertEquals(new QueryDates.DateRange(today.minusDays(6), today),
                QueryDates.range(null, null, null, today.minusDays(6), today, QueryDates.MAX_RANGE_DAYS));
        assertEquals(new QueryDates.DateRange(LocalDate.of(2016, 12, 1), LocalDate.of(2026, 12, 8)),
                QueryDates.range(null, "2016-12-01", "2026-12-08", null, null, QueryDates.MAX_RANGE_DAYS));
        assertRefused("dia", () -> QueryDates.range("2026-12-02", "2026-12-01", null, null, null, 7));
        assertRefused("desde", () -> QueryDates.range(null, "2026-12-02", "2026-12-01", null, null, 7));
        assertRefused("desde", () -> QueryDates.range(null, "2016-12-01", "2026-12-09", null, null, QueryDates.MAX_RANGE_DAYS));
        assertRefused("hasta", () -> QueryDates.range(null, "2026-12-01", "2026-12-32", null, null, 7));
    }

    private static void assertRefused(String field, Runnable call) {
        assertEquals(field, assertThrows(InvalidInputException.class, call::run).field());
    }
}
