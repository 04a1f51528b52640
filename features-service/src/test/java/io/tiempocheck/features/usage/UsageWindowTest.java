package io.tiempocheck.features.usage;

import io.tiempocheck.common.rest.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UsageWindowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void aSeedRangeEndsTodayAndTotalIsTheDefault() {
        assertEquals(new UsageWindow("total", null, TODAY), UsageWindow.parse(null, null, null, TODAY, 366));
        assertEquals(new UsageWindow("7d", LocalDate.of(2026, 11, 26), TODAY), UsageWindow.parse("7d", null, null, TODAY, 366));
        assertEquals(new UsageWindow("hoy", TODAY, TODAY), UsageWindow.parse("hoy", null, null, TODAY, 366));
    }

    @Test
    void aCustomRangeNeedsBothEndsInOrderAndAtMostTheMaximum() {
        // 366 days, the longest range: a leap year.
        assertEquals(new UsageWindow("personalizado", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                UsageWindow.parse(null, "2024-01-01", "2024-12-31", TODAY, 366));
        assertRefused("hasta", () -> UsageWindow.parse(null, "2026-01-01", null, TODAY, 366));
        assertRefused("desde", () -> UsageWindow.parse(null, null, "2026-01-01", TODAY, 366));
        assertRefused("desde", () -> UsageWindow.parse(null, "2026-01-02", "2026-01-01", TODAY, 366));
        assertRefused("desde", () -> UsageWindow.parse(null, "2024-12-31", "2026-01-01", TODAY, 366));
        assertRefused("hasta", () -> UsageWindow.parse(null, "2026-01-01", "2026-13-01", TODAY, 366));
    }

    @Test
    void rangoAndACustomRangeTogetherAreRefusedNamingRango() {
        assertRefused("rango", () -> UsageWindow.parse("7d", "2026-01-01", "2026-01-02", TODAY, 366));
        assertRefused("rango", () -> UsageWindow.parse("total", null, "2026-01-02", TODAY, 366));
        assertRefused("rango", () -> UsageWindow.parse("semana", null, null, TODAY, 366));
    }

    private static void assertRefused(String field, Runnable call) {
        assertEquals(field, assertThrows(InvalidInputException.class, call::run).field());
    }
}
