package io.tiempocheck.suggestions.evaluation;

import io.tiempocheck.suggestions.evaluation.DayOutcome.Result;
import io.tiempocheck.suggestions.evaluation.PolicyEvaluator.NamedPolicy;
import io.tiempocheck.suggestions.policy.BaseStatistic;
import io.tiempocheck.suggestions.policy.Policy;
import io.tiempocheck.suggestions.store.UsageHistory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PolicyEvaluatorTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 10);
    private static final Policy WEEK = new Policy(7, BaseStatistic.MEDIA, new BigDecimal("0.90"), new BigDecimal("1.10"),
            new BigDecimal("1.00"), Policy.defaults().caps());

    private final TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();

    private void use(LocalDate day, String category, long seconds) {
        days.computeIfAbsent(day, d -> new HashMap<>()).put(category, seconds);
    }

    private UsageHistory history() {
        return new UsageHistory(FROM.minusDays(56), FROM.plusDays(60), days);
    }

    @Test
    void eachDayIsJudgedWithTheSuggestionOfThatMorningAndTheCountsAddUp() {
        for (int d = 1; d <= 7; d++) {
            use(FROM.minusDays(d), "Redes Sociales", 1000);
            use(FROM.minusDays(d), "Estudio", 3600);
        }
        use(FROM, "Redes Sociales", 1000);
        use(FROM, "Estudio", 4000);
        use(FROM.plusDays(1), "Redes Sociales", 800);
        use(FROM.plusDays(1), "Estudio", 3000);
        use(FROM.plusDays(2), "Redes Sociales", 100);
        // FROM + 3 has no data at all: not evaluated.

        PolicyOutcome outcome = PolicyEvaluator.evaluate(List.of(new NamedPolicy("semana", WEEK)), history(), FROM, FROM.plusDays(3)).get(0);
        assertEquals(3, outcome.daysWithData());
        assertEquals(1, outcome.daysWithoutData());

        CategoryOutcome social = outcome.categories().get(1);
        assertEquals("Redes Sociales", social.category());
        assertEquals(3, social.evaluatedDays());
        // 1,000 s × 0.90 = 900 s; then (6 × 1,000 + 800) / 7 = 971 s × 0.90 = 873.9 s, to the minute 900 s.
        assertEquals(List.of(new DayOutcome(FROM, 900L, 1000, Result.EXCESO), new DayOutcome(FROM.plusDays(1), 900L, 800, Result.PROXIMIDAD),
                new DayOutcome(FROM.plusDays(2), 900L, 100, Result.DENTRO)), social.days());
        assertEquals(1, social.excessDays());
        assertEquals(1, social.nearDays());
        assertEquals(100, social.reductionTotal());
        assertEquals(new BigDecimal("100.00"), social.reductionMean());
        // FROM + 3 has no data but a suggestion all the same: (4 × 1,000 + 1,000 + 800 + 100) / 7 = 843 s × 0.90 -> 780 s.
        assertEquals(new BigDecimal("40.00"), social.stability());

        CategoryOutcome study = outcome.categories().get(0);
        assertEquals("Estudio", study.category());
        // 3,600 s × 1.10 = 3,960 s; the next morning (6 × 3,600 + 4,000) / 7 = 3,657 s × 1.10 = 4,022.7 s -> 4,020 s;
        // then (5 × 3,600 + 4,000 + 3,000) / 7 = 3,571 s × 1.10 = 3,928.1 s -> 3,900 s.
        assertEquals(List.of(new DayOutcome(FROM, 3960L, 4000, Result.META_CUMPLIDA), new DayOutcome(FROM.plusDays(1), 4020L, 3000, Result.META_NO_CUMPLIDA),
                new DayOutcome(FROM.plusDays(2), 3900L, 0, Result.META_NO_CUMPLIDA)), study.days());
        assertEquals(1, study.goalDays());
        assertEquals(0, study.excessDays());
        assertNull(study.reductionMean());
        // |4,020 - 3,960|, |3,900 - 4,020|, then FROM + 3: (4 × 3,600 + 4,000 + 3,000 + 0) / 7 = 3,057 s × 1.10 -> 3,360 s.
        assertEquals(new BigDecimal("240.00"), study.stability());
    }

    @Test
    void daysWithTooLittleHistoryAreCountedApartWithoutASuggestion() {
        use(FROM.minusDays(1), "Comercio", 600);
        use(FROM, "Comercio", 600);
        use(FROM.plusDays(1), "Comercio", 600);
        CategoryOutcome shop = PolicyEvaluator.evaluate(List.of(new NamedPolicy("p", WEEK)), history(), FROM, FROM.plusDays(2))
                .get(0).categories().get(0);
        assertEquals(2, shop.daysWithoutSuggestion());
        assertEquals(0, shop.evaluatedDays());
        assertEquals(Result.SIN_SUGERENCIA, shop.days().get(0).result());
    }

    @Test
    void changingTheDataAfterADayNeverChangesThatDaysEvaluation() {
        Random random = new Random(14);
        LocalDate to = FROM.plusDays(30);
        for (LocalDate day = FROM.minusDays(40); !day.isAfter(to); day = day.plusDays(1)) {
            use(day, "Entretenimiento", random.nextInt(7200));
            use(day, "Trabajo", random.nextInt(30_000));
        }
        LocalDate judged = FROM.plusDays(12);
        List<NamedPolicy> policies = List.of(new NamedPolicy("defecto", Policy.defaults()), new NamedPolicy("semana", WEEK));
        List<PolicyOutcome> before = PolicyEvaluator.evaluate(policies, history(), FROM, to);

        for (LocalDate day = judged.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            use(day, "Entretenimiento", 80_000);
            use(day, "Trabajo", 1);
            use(day, "Comercio", 5000);
        }
        List<PolicyOutcome> after = PolicyEvaluator.evaluate(policies, history(), FROM, to);

        for (int p = 0; p < policies.size(); p++) {
            for (String category : List.of("Entretenimiento", "Trabajo")) {
                assertEquals(dayOf(before.get(p), category, judged), dayOf(after.get(p), category, judged), category);
                assertNotEquals(dayOf(before.get(p), category, to), dayOf(after.get(p), category, to), "the later data did change");
            }
        }
    }

    private static DayOutcome dayOf(PolicyOutcome outcome, String category, LocalDate day) {
        return outcome.categories().stream().filter(c -> c.category().equals(category)).findFirst().orElseThrow()
                .days().stream().filter(d -> d.day().equals(day)).findFirst().orElseThrow();
    }
}
