package io.tiempocheck.features.rest;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.features.service.UsageWindow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParamsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void aSeedRangeEndsTodayAndTotalIsTheDefault() {
        assertEquals(new UsageWindow("total", null, TODAY), QueryParams.window(null, null, null, TODAY, 366));
        assertEquals(new UsageWindow("7d", LocalDate.of(2026, 11, 26), TODAY), QueryParams.window("7d", null, null, TODAY, 366));
        assertEquals(new UsageWindow("hoy", TODAY, TODAY), QueryParams.window("hoy", null, null, TODAY, 366));
    }

    @Test
    void aCustomRangeNeedsBothEndsInOrderAndAtMostTheMaximum() {
        // 366 days, the longest range: a leap year.
        assertEquals(new UsageWindow("personalizado", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                QueryParams.window(null, "2024-01-01", "2024-12-31", TODAY, 366));
        assertRefused("hasta", () -> QueryParams.window(null, "2026-01-01", null, TODAY, 366));
        assertRefused("desde", () -> QueryParams.window(null, null, "2026-01-01", TODAY, 366));
        assertRefused("desde", () -> QueryParams.window(null, "2026-01-02", "2026-01-01", TODAY, 366));
        assertRefused("desde", () -> QueryParams.window(null, "2024-12-31", "2026-01-01", TODAY, 366));
        assertRefused("hasta", () -> QueryParams.window(null, "2026-01-01", "2026-13-01", TODAY, 366));
    }

    @Test
    void rangoAndACustomRangeTogetherAreRefusedNamingRango() {
        assertRefused("rango", () -> QueryParams.window("7d", "2026-01-01", "2026-01-02", TODAY, 366));
        assertRefused("rango", () -> QueryParams.window("total", null, "2026-01-02", TODAY, 366));
        assertRefused("rango", () -> QueryParams.window("semana", null, null, TODAY, 366));
    }

    @Test
    void topIsAWholeNumberInItsBounds() {
        assertEquals(10, QueryParams.top(null, 10, 500));
        assertEquals(1, QueryParams.top("1", 10, 500));
        assertEquals(500, QueryParams.top("500", 10, 500));
        for (String bad : new String[] {"0", "501", "-3", "diez", "1.5", ""}) {
            assertRefused("top", () -> QueryParams.top(bad, 10, 500));
        }
    }

    @Test
    void aFlagIsTrueOrFalse() {
        assertEquals(true, QueryParams.flag("dominios", null, true));
        assertEquals(false, QueryParams.flag("dominios", "false", true));
        assertRefused("dominios", () -> QueryParams.flag("dominios", "no", true));
    }

    private static void assertRefused(String field, Runnable call) {
        assertEquals(field, assertThrows(InvalidInputException.class, call::run).field());
    }
}
