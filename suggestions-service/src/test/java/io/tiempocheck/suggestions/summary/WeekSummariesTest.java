package io.tiempocheck.suggestions.summary;

import io.tiempocheck.suggestions.policy.Policy;
import io.tiempocheck.suggestions.store.UsageHistory;
import io.tiempocheck.suggestions.summary.WeekSummary.GoalStreak;
import io.tiempocheck.suggestions.summary.WeekSummary.UnusualDay;
import io.tiempocheck.suggestions.summary.WeekSummary.WeekOverWeek;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WeekSummariesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    /** Thursday: the week counts Monday to Wednesday. */
    private static final LocalDate TODAY = MONDAY.plusDays(3);

    private final TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();

    private void use(LocalDate day, String category, long seconds) {
        days.computeIfAbsent(day, d -> new HashMap<>()).put(category, seconds);
    }

    private WeekSummary summary() {
        return WeekSummaries.of(Policy.defaults(), new UsageHistory(TODAY.minusDays(300), TODAY, days), MONDAY, TODAY.minusDays(1));
    }

    @Test
    void aDayFarAboveItsLastEightSameWeekdaysIsUnusualAndAnOrdinaryOneIsNot() {
        for (int d = 1; d <= 70; d++) {
            use(TODAY.minusDays(d), "Entretenimiento", 1800 + (d % 7) * 10);
            use(TODAY.minusDays(d), "Comercio", 600);
        }
        LocalDate wednesday = MONDAY.plusDays(2);
        use(wednesday, "Entretenimiento", 9000);
        use(wednesday, "Comercio", 1400);
        List<UnusualDay> unusual = summary().unusualDays();
        assertEquals(1, unusual.size(), unusual.toString());
        UnusualDay day = unusual.get(0);
        assertEquals(wednesday, day.day());
        assertEquals("Entretenimiento", day.category());
        assertEquals(0, day.mad());
        assertEquals(day.median() + WeekSummaries.MIN_MARGIN, day.threshold());
    }

    @Test
    void withoutFourOfTheLastEightSameWeekdaysNoDayIsUnusual() {
        for (int w = 1; w <= 3; w++) {
            use(MONDAY.minusWeeks(w), "Entretenimiento", 600);
        }
        use(MONDAY, "Entretenimiento", 20_000);
        assertEquals(List.of(), summary().unusualDays());
        use(MONDAY.minusWeeks(4), "Información", 60);
        assertEquals(1, summary().unusualDays().size());
    }

    @Test
    void thisWeekIsComparedWithTheSameWeekdaysOfLastWeek() {
        for (int d = 0; d < 7; d++) {
            use(MONDAY.minusWeeks(1).plusDays(d), "Redes Sociales", 1000);
        }
        for (int d = 0; d < 3; d++) {
            use(MONDAY.plusDays(d), "Redes Sociales", 1500);
            use(MONDAY.plusDays(d), "Estudio", 600);
        }
        use(TODAY, "Redes Sociales", 99_999);
        WeekSummary summary = summary();
        assertEquals("2026-W48", summary.week());
        assertEquals(3, summary.countedDays());
        assertEquals(List.of(new WeekOverWeek("Estudio", 1800, 0, 1800, null),
                new WeekOverWeek("Redes Sociales", 4500, 3000, 1500, new BigDecimal("50.0"))), summary.categories());
    }

    @Test
    void streaksCountTheDaysUnderEveryLimitAndMeetingEachGoalUpToYesterday() {
        for (int d = 1; d <= 40; d++) {
            LocalDate day = TODAY.minusDays(d);
            use(day, "Entretenimiento", d <= 3 ? 1000 : 1800);
            use(day, "Estudio", d <= 2 ? 5000 : 3600);
        }
        WeekSummary.Streaks streaks = summary().streaks();
        // Yesterday's limit: (2 × 1,000 + 26 × 1,800) / 28 = 1,743 s × 0.90 -> 1,560 s; three days of 1,000 s are under it.
        assertEquals(3, streaks.withinLimits());
        // The goal from 3,600 s a day is 3,960 s: met by the last two days' 5,000 s only.
        assertEquals(List.of(new GoalStreak("Estudio", 2)), streaks.goals());
    }

    @Test
    void aWeekNotStartedYetCountsNothing() {
        WeekSummary summary = WeekSummaries.of(Policy.defaults(), UsageHistory.empty(MONDAY, MONDAY), MONDAY, MONDAY.minusDays(1));
        assertEquals(0, summary.countedDays());
        assertEquals(0, summary.streaks().withinLimits());
        assertEquals(List.of(), summary.unusualDays());
        assertEquals(List.of(), summary.categories());
    }
}
