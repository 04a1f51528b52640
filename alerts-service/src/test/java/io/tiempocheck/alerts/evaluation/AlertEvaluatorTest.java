package io.tiempocheck.alerts.evaluation;

import io.tiempocheck.alerts.limits.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertEvaluatorTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 10);
    private static final List<Integer> EVERY_DAY = List.of(1, 2, 3, 4, 5, 6, 7);

    @ParameterizedTest
    @CsvSource({"0,", "479,", "480,PROXIMIDAD", "599,PROXIMIDAD", "600,EXCESO", "5000,EXCESO"})
    void aTenMinuteLimitWarnsFromEightMinutesAndExceedsFromTen(long used, AlertLevel expected) {
        Limit limit = domainLimit(1, "youtube.com", 600, 80, EVERY_DAY, true);
        assertEquals(expected, AlertEvaluator.levelFor(limit, used));
    }

    @Test
    void comparesCategoryLimitsWithCategoryTotalsAndDomainLimitsWithDomainTotals() {
        Limit social = new Limit(1, 7, "Redes Sociales", null, 600, 80, EVERY_DAY, true, Instant.EPOCH, Instant.EPOCH);
        Limit reddit = domainLimit(2, "reddit.com", 300, 80, EVERY_DAY, true);
        List<Crossing> crossings = AlertEvaluator.crossings(List.of(social, reddit),
                update(Map.of("reddit.com", 250L), Map.of("Redes Sociales", 700L)));
        assertEquals(2, crossings.size());
        assertEquals(AlertLevel.EXCESO, crossings.get(0).level());
        assertEquals(700, crossings.get(0).usedSeconds());
        assertEquals(AlertLevel.PROXIMIDAD, crossings.get(1).level());
        assertEquals(250, crossings.get(1).usedSeconds());
    }

    @Test
    void ignoresInactiveLimitsOtherWeekdaysAndWhatTheUpdateDidNotTouch() {
        var update = update(Map.of("reddit.com", 5000L), Map.of("Redes Sociales", 5000L));
        assertTrue(AlertEvaluator.crossings(List.of(
                domainLimit(1, "reddit.com", 60, 80, EVERY_DAY, false),
                domainLimit(2, "reddit.com", 60, 80, List.of(6, 7), true),
                domainLimit(3, "youtube.com", 60, 80, EVERY_DAY, true)), update).isEmpty());
        assertEquals(1, AlertEvaluator.crossings(List.of(domainLimit(4, "reddit.com", 60, 80, List.of(2), true)), update).size());
    }

    @Test
    void weekdaysRoundTripThroughTheStoredMask() {
        assertEquals(List.of(1, 3, 7), Limit.weekdaysOf(Limit.weekdayMask(List.of(7, 1, 3))));
        assertEquals(EVERY_DAY, Limit.weekdaysOf(Limit.weekdayMask(EVERY_DAY)));
    }

    private static Limit domainLimit(long id, String domain, int seconds, int warning, List<Integer> days, boolean active) {
        return new Limit(id, 7, null, domain, seconds, warning, days, active, Instant.EPOCH, Instant.EPOCH);
    }

    private static DayTotals update(Map<String, Long> domains, Map<String, Long> categories) {
        return new DayTotals(TUESDAY, domains, categories);
    }
}
