package io.tiempocheck.features.store;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeatureScopeTest {

    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

    @Test
    void aYearInMonthLongWindowsCoversEveryDayOnceInOrder() {
        List<FeatureScope> windows = FeatureScope.ofUser(7, JAN_1, LocalDate.of(2025, 12, 31)).windows(31);

        assertEquals(12, windows.size());
        assertEquals(new FeatureScope(7, 7, JAN_1, LocalDate.of(2025, 1, 31)), windows.get(0));
        assertEquals(new FeatureScope(7, 7, LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 31)), windows.get(11));
        for (int i = 1; i < windows.size(); i++) {
            assertEquals(windows.get(i - 1).to().plusDays(1), windows.get(i).from());
        }
    }

    @Test
    void aRangeShorterThanAWindowIsOneWindow() {
        FeatureScope day = FeatureScope.ofUser(7, JAN_1, JAN_1);
        assertEquals(List.of(day), day.windows(31));
    }

    @Test
    void aWindowHoldsAtLeastOneDay() {
        assertThrows(IllegalArgumentException.class, () -> FeatureScope.ofUser(7, JAN_1, JAN_1).windows(0));
    }
}
