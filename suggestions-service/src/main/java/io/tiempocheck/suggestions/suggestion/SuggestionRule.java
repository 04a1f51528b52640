package io.tiempocheck.suggestions.suggestion;

import io.tiempocheck.suggestions.policy.Policy;
import io.tiempocheck.suggestions.policy.SuggestionKind;
import io.tiempocheck.suggestions.store.UsageHistory;
import io.tiempocheck.suggestions.suggestion.SuggestionDetail.Base;
import io.tiempocheck.suggestions.suggestion.SuggestionDetail.Cap;
import io.tiempocheck.suggestions.suggestion.SuggestionDetail.DailyValue;
import io.tiempocheck.suggestions.suggestion.SuggestionDetail.GoalScaling;
import io.tiempocheck.suggestions.suggestion.SuggestionDetail.TierView;
import io.tiempocheck.suggestions.suggestion.SuggestionDetail.Window;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Map;

import static io.tiempocheck.suggestions.suggestion.SpanishFormat.days;
import static io.tiempocheck.suggestions.suggestion.SpanishFormat.decimal;
import static io.tiempocheck.suggestions.suggestion.SpanishFormat.duration;

/**
 * The one suggestion rule: the policy applied to the complete local days before {@code today}.
 * Only days before today are read, so the same call with a past day as "today" is exactly what
 * the service would have answered that morning (the evaluator relies on it).
 */
public final class SuggestionRule {

    static final long DAY_SECONDS = 86_400;
    private static final BigDecimal MINUTE = BigDecimal.valueOf(60);

    private SuggestionRule() {
    }

    /** One suggestion per category used in the window, by category name. */
    public static List<SuggestionDetail> suggest(Policy policy, UsageHistory history, LocalDate today) {
        LocalDate from = today.minusDays(policy.windowDays());
        LocalDate to = today.minusDays(1);
        NavigableMap<LocalDate, Map<String, Long>> daysWithData = history.between(from, to);
        Window window = new Window(from, to, policy.windowDays());
        int count = daysWithData.size();
        TierView tier = TierView.of(count);

        List<Draft> drafts = new ArrayList<>();
        for (String category : history.categories(from, to)) {
            long[] values = new long[count];
            List<DailyValue> daily = new ArrayList<>(count);
            int i = 0;
            for (Map.Entry<LocalDate, Map<String, Long>> day : daysWithData.entrySet()) {
                values[i] = day.getValue().getOrDefault(category, 0L);
                daily.add(new DailyValue(day.getKey(), values[i]));
                i++;
            }
            drafts.add(draft(policy, category, values, daily, tier));
        }
        long goalsSum = drafts.stream().filter(d -> d.kind == SuggestionKind.META && d.capped != null).mapToLong(d -> d.capped).sum();
        GoalScaling scaling = new GoalScaling(goalsSum, goalsSum == 0 ? BigDecimal.ONE.setScale(4)
                : BigDecimal.valueOf(DAY_SECONDS).divide(BigDecimal.valueOf(goalsSum), 4, RoundingMode.HALF_UP), goalsSum > DAY_SECONDS);
        return drafts.stream().map(d -> d.finish(policy, window, count, tier, scaling)).toList();
    }

    private static Draft draft(Policy policy, String category, long[] values, List<DailyValue> daily, TierView tier) {
        Draft draft = new Draft(category, policy.kindOf(category), policy.multiplierFor(category), policy.capFor(category), daily);
        if (tier.tier() == Tier.INSUFICIENTE) {
            return draft;
        }
        draft.base = policy.base().compute(values);
        draft.product = BigDecimal.valueOf(draft.base).multiply(draft.multiplier);
        draft.rounded = draft.product.divide(MINUTE, 0, RoundingMode.HALF_UP).multiply(MINUTE).longValueExact();
        draft.capApplied = draft.cap != null && draft.rounded > draft.cap;
        draft.capped = draft.capApplied ? draft.cap : draft.rounded;
        return draft;
    }

    /** A category's suggestion before the goals are looked at together. */
    private static final class Draft {
        final String category;
        final SuggestionKind kind;
        final BigDecimal multiplier;
        final Long cap;
        final List<DailyValue> daily;
        long base;
        BigDecimal product;
        Long rounded;
        boolean capApplied;
        Long capped;

        Draft(String category, SuggestionKind kind, BigDecimal multiplier, Long cap, List<DailyValue> daily) {
            this.category = category;
            this.kind = kind;
            this.multiplier = multiplier;
            this.cap = cap;
            this.daily = daily;
        }

        SuggestionDetail finish(Policy policy, Window window, int count, TierView tier, GoalScaling scaling) {
            GoalScaling goalScaling = kind == SuggestionKind.META ? scaling : null;
            if (capped == null) {
                String formula = days(count) + " con datos en la ventana de " + days(window.days()) + "; se necesitan "
                        + Tier.MIN_DAYS + " para sugerir un valor: " + (tier.missingDays() == 1 ? "falta 1 día" : "faltan " + days(tier.missingDays()));
                return new SuggestionDetail(category, kind, null, tier, window, daily, count, null, multiplier,
                        null, null, new Cap(cap, false), goalScaling, formula);
            }
            long result = capped;
            StringBuilder formula = new StringBuilder()
                    .append(policy.base().spanish()).append(" de ").append(days(count)).append(": ")
                    .append(duration(base)).append(" × ").append(decimal(multiplier)).append(" = ").append(duration(rounded));
            if (cap == null) {
                formula.append("; sin tope");
            } else if (capApplied) {
                formula.append("; tope ").append(duration(cap)).append(" aplicado: ").append(duration(cap));
            } else {
                formula.append("; tope ").append(duration(cap)).append(" no aplicado");
            }
            if (goalScaling != null && goalScaling.applied()) {
                result = BigDecimal.valueOf(capped).multiply(BigDecimal.valueOf(DAY_SECONDS))
                        .divide(BigDecimal.valueOf(goalScaling.goalsSum()).multiply(MINUTE), 0, RoundingMode.FLOOR)
                        .multiply(MINUTE).longValueExact();
                formula.append("; metas escaladas porque suman ").append(duration(goalScaling.goalsSum()))
                        .append(", más de 24 h: ").append(duration(capped)).append(" × 24 h / ")
                        .append(duration(goalScaling.goalsSum())).append(" = ").append(duration(result));
            }
            return new SuggestionDetail(category, kind, result, tier, window, daily, count,
                    new Base(policy.base(), base), multiplier, product, rounded, new Cap(cap, capApplied), goalScaling, formula.toString());
        }
    }
}
