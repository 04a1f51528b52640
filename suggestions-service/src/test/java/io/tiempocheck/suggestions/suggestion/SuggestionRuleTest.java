package io.tiempocheck.suggestions.suggestion;

import io.tiempocheck.suggestions.policy.BaseStatistic;
import io.tiempocheck.suggestions.policy.Policy;
import io.tiempocheck.suggestions.policy.SuggestionKind;
import io.tiempocheck.suggestions.store.UsageHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggestionRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private final TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();

    private void use(int daysAgo, String category, long seconds) {
        days.computeIfAbsent(TODAY.minusDays(daysAgo), d -> new HashMap<>()).merge(category, seconds, Long::sum);
    }

    private List<SuggestionDetail> suggest(Policy policy) {
        return SuggestionRule.suggest(policy, new UsageHistory(TODAY.minusDays(60), TODAY, days), TODAY);
    }

    private SuggestionDetail only(Policy policy, String category) {
        return suggest(policy).stream().filter(s -> s.category().equals(category)).findFirst().orElseThrow();
    }

    @Test
    void aLimitIsTheMeanOfTheDaysWithDataTimesNinetyHundredthsToTheMinuteAndSaysSoInOneSentence() {
        // 12 days: 11 of 5,640 s of video and one day of news only (0 s of video) -> mean 5,170 s.
        for (int d = 1; d <= 11; d++) {
            use(d, "Entretenimiento", 5640);
        }
        use(12, "Información", 600);
        SuggestionDetail video = only(Policy.defaults(), "Entretenimiento");
        assertEquals(SuggestionKind.LIMITE, video.kind());
        assertEquals(12, video.daysWithData());
        assertEquals(12, video.dailyValues().size());
        assertEquals(0, video.dailyValues().get(0).seconds());
        assertEquals(TODAY.minusDays(12), video.dailyValues().get(0).day());
        assertEquals(5170, video.base().seconds());
        assertEquals(0, new BigDecimal("4653.00").compareTo(video.product()));
        assertEquals(4680, video.rounded());
        assertEquals(4680, video.seconds());
        assertEquals(7200, video.cap().seconds());
        assertFalse(video.cap().applied());
        assertEquals(Tier.CONFIABLE, video.tier().tier());
        assertEquals(TODAY.minusDays(28), video.window().from());
        assertEquals(TODAY.minusDays(1), video.window().to());
        assertEquals("promedio de 12 días: 1 h 26 min 10 s × 0,90 = 1 h 18 min; tope 2 h no aplicado", video.formula());
    }

    @Test
    void theIssuesExampleReadsAsTheIssueWritesIt() {
        for (int d = 1; d <= 12; d++) {
            use(d, "Entretenimiento", 5640);
        }
        assertEquals("promedio de 12 días: 1 h 34 min × 0,90 = 1 h 25 min; tope 2 h no aplicado",
                only(Policy.defaults(), "Entretenimiento").formula());
    }

    @Test
    void aLimitAboveItsCapIsTheCap() {
        for (int d = 1; d <= 20; d++) {
            use(d, "Redes Sociales", 4 * 3600);
        }
        SuggestionDetail social = only(Policy.defaults(), "Redes Sociales");
        assertEquals(12960, social.rounded());
        assertTrue(social.cap().applied());
        assertEquals(10800, social.seconds());
        assertEquals(Tier.CONSOLIDADO, social.tier().tier());
        assertEquals("promedio de 20 días: 4 h × 0,90 = 3 h 36 min; tope 3 h aplicado: 3 h", social.formula());
    }

    @Test
    void anUnlistedCategoryIsALimitAtTheBaseWithoutCap() {
        for (int d = 1; d <= 5; d++) {
            use(d, "Sin categoría", 1000 + d);
        }
        SuggestionDetail other = only(Policy.defaults(), "Sin categoría");
        assertEquals(SuggestionKind.LIMITE, other.kind());
        assertEquals(1003, other.base().seconds());
        assertEquals(1020, other.seconds());
        assertNull(other.cap().seconds());
        assertEquals("promedio de 5 días: 16 min 43 s × 1,00 = 17 min; sin tope", other.formula());
    }

    @Test
    void aGoalIsTheBaseTimesOneTenthMoreAndGoalsAreScaledDownTogetherPastTwentyFourHours() {
        for (int d = 1; d <= 14; d++) {
            use(d, "Productividad", 10 * 3600);
            use(d, "Trabajo", 10 * 3600);
            use(d, "Estudio", 8 * 3600);
        }
        // Productividad 11 h and Trabajo 11 h capped at 10 h, Estudio 8 h 48 min capped at 8 h: 28 h in all.
        SuggestionDetail work = only(Policy.defaults(), "Trabajo");
        assertEquals(SuggestionKind.META, work.kind());
        assertTrue(work.cap().applied());
        assertEquals(100_800, work.goalScaling().goalsSum());
        assertTrue(work.goalScaling().applied());
        assertEquals(new BigDecimal("0.8571"), work.goalScaling().factor());
        assertEquals(30_840, work.seconds());
        SuggestionDetail study = only(Policy.defaults(), "Estudio");
        assertEquals(24_660, study.seconds());
        assertEquals("promedio de 14 días: 8 h × 1,10 = 8 h 48 min; tope 8 h aplicado: 8 h;"
                + " metas escaladas porque suman 28 h, más de 24 h: 8 h × 24 h / 28 h = 6 h 51 min", study.formula());
        long sum = suggest(Policy.defaults()).stream().filter(s -> s.kind() == SuggestionKind.META).mapToLong(SuggestionDetail::seconds).sum();
        assertTrue(sum <= 86_400, "goals still sum " + sum);
    }

    @Test
    void goalsUnderTwentyFourHoursAreNotScaled() {
        for (int d = 1; d <= 7; d++) {
            use(d, "Estudio", 3600);
        }
        SuggestionDetail study = only(Policy.defaults(), "Estudio");
        assertEquals(3960, study.seconds());
        assertFalse(study.goalScaling().applied());
        assertEquals("promedio de 7 días: 1 h × 1,10 = 1 h 6 min; tope 8 h no aplicado", study.formula());
    }

    @ParameterizedTest
    @CsvSource({"0,insuficiente,3", "1,insuficiente,2", "2,insuficiente,1", "3,inicial,0", "6,inicial,0", "7,confiable,0",
            "13,confiable,0", "14,consolidado,0", "28,consolidado,0"})
    void theTierFollowsTheDaysWithData(int daysWithData, String tier, int missing) {
        for (int d = 1; d <= daysWithData; d++) {
            use(d, "Comercio", 600);
        }
        use(0, "Comercio", 600);
        List<SuggestionDetail> all = suggest(Policy.defaults());
        if (daysWithData == 0) {
            assertTrue(all.isEmpty(), "today alone is no data: " + all);
            return;
        }
        SuggestionDetail shop = all.get(0);
        assertEquals(tier, shop.tier().tier().id());
        assertEquals(missing, shop.tier().missingDays());
        assertEquals(daysWithData, shop.daysWithData(), "today was counted");
        if (missing > 0) {
            assertNull(shop.seconds());
            assertNull(shop.base());
        } else {
            assertEquals(540, shop.seconds());
        }
    }

    @Test
    void anInsufficientSuggestionSaysHowManyDaysAreMissing() {
        use(3, "Comercio", 600);
        use(5, "Comercio", 600);
        assertEquals("2 días con datos en la ventana de 28 días; se necesitan 3 para sugerir un valor: falta 1 día",
                only(Policy.defaults(), "Comercio").formula());
    }

    @Test
    void daysBeforeTheWindowAndTodayAreNeverRead() {
        for (int d = 1; d <= 7; d++) {
            use(d, "Comercio", 600);
        }
        use(0, "Comercio", 50_000);
        use(29, "Comercio", 50_000);
        SuggestionDetail shop = only(Policy.defaults(), "Comercio");
        assertEquals(7, shop.daysWithData());
        assertEquals(600, shop.base().seconds());
    }

    @Test
    void theMedianAndTheSeventyFifthPercentileAreTheBaseWhenThePolicySaysSo() {
        long[] values = {100, 200, 300, 400, 10_000};
        for (int d = 1; d <= values.length; d++) {
            use(d, "Ocio", values[d - 1]);
        }
        Policy median = withBase(BaseStatistic.MEDIANA);
        assertEquals(300, only(median, "Ocio").base().seconds());
        assertTrue(only(median, "Ocio").formula().startsWith("mediana de 5 días: 5 min × 0,90 = 5 min;"));
        assertEquals(400, only(withBase(BaseStatistic.P75), "Ocio").base().seconds());
        assertTrue(only(withBase(BaseStatistic.P75), "Ocio").formula().startsWith("percentil 75 de 5 días: 6 min 40 s"));
    }

    @Test
    void aShorterWindowLooksAtFewerDays() {
        for (int d = 1; d <= 20; d++) {
            use(d, "Ocio", d <= 7 ? 600 : 6000);
        }
        Policy week = new Policy(7, BaseStatistic.MEDIA, Policy.defaults().limitMultiplier(), Policy.defaults().goalMultiplier(),
                Policy.defaults().otherMultiplier(), Policy.defaults().caps());
        SuggestionDetail leisure = only(week, "Ocio");
        assertEquals(7, leisure.daysWithData());
        assertEquals(600, leisure.base().seconds());
        assertEquals(TODAY.minusDays(7), leisure.window().from());
    }

    private static Policy withBase(BaseStatistic base) {
        Policy d = Policy.defaults();
        return new Policy(d.windowDays(), base, d.limitMultiplier(), d.goalMultiplier(), d.otherMultiplier(), d.caps());
    }
}
