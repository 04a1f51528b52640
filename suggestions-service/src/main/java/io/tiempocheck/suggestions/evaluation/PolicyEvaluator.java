package io.tiempocheck.suggestions.evaluation;

import io.tiempocheck.suggestions.evaluation.DayOutcome.Result;
import io.tiempocheck.suggestions.policy.Policy;
import io.tiempocheck.suggestions.policy.SuggestionKind;
import io.tiempocheck.suggestions.store.UsageHistory;
import io.tiempocheck.suggestions.suggestion.SuggestionDetail;
import io.tiempocheck.suggestions.suggestion.SuggestionRule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Walk-forward evaluation: on every day d of the range the policy's suggestion is computed with d
 * as "today", so the rule reads only the days before d (as the service would have answered that
 * morning), then compared with what the person did on d. Nothing of d or later reaches d's
 * suggestion, so a policy is never judged with hindsight. Alert levels are alerts-service's:
 * exceso from the limit itself, proximidad from 80 % of it.
 */
public final class PolicyEvaluator {

    static final int NEAR_PERCENT = 80;

    private PolicyEvaluator() {
    }

    /** A policy as evaluated, with the label it is shown under. */
    public record NamedPolicy(String name, Policy policy) {
    }

    /** @param history at least from (from - the longest window) to to */
    public static List<PolicyOutcome> evaluate(List<NamedPolicy> policies, UsageHistory history, LocalDate from, LocalDate to) {
        return policies.stream().map(p -> evaluate(p, history, from, to)).toList();
    }

    private static PolicyOutcome evaluate(NamedPolicy named, UsageHistory history, LocalDate from, LocalDate to) {
        Policy policy = named.policy();
        SortedSet<String> categories = history.categories(from.minusDays(policy.windowDays()), to);
        Map<String, Tally> tallies = new TreeMap<>();
        categories.forEach(c -> tallies.put(c, new Tally(policy.kindOf(c))));
        int withData = 0;
        int withoutData = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, Long> suggested = new HashMap<>();
            for (SuggestionDetail suggestion : SuggestionRule.suggest(policy, history, day)) {
                if (suggestion.seconds() != null) {
                    suggested.put(suggestion.category(), suggestion.seconds());
                }
            }
            boolean hasData = history.hasData(day);
            if (hasData) {
                withData++;
            } else {
                withoutData++;
            }
            for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
                entry.getValue().add(day, suggested.get(entry.getKey()), hasData, history.seconds(day, entry.getKey()));
            }
        }
        List<CategoryOutcome> outcomes = new ArrayList<>();
        tallies.forEach((category, tally) -> outcomes.add(tally.outcome(category)));
        return new PolicyOutcome(named.name(), policy, withData, withoutData, outcomes);
    }

    private static final class Tally {
        final SuggestionKind kind;
        final List<DayOutcome> days = new ArrayList<>();
        int evaluated;
        int withoutSuggestion;
        int excess;
        int near;
        int goalMet;
        long reduction;
        long changeSum;
        int changes;
        Long previous;

        Tally(SuggestionKind kind) {
            this.kind = kind;
        }

        void add(LocalDate day, Long suggested, boolean hasData, long actual) {
            if (suggested != null && previous != null) {
                changeSum += Math.abs(suggested - previous);
                changes++;
            }
            previous = suggested;
            if (!hasData) {
                return;
            }
            if (suggested == null) {
                withoutSuggestion++;
                days.add(new DayOutcome(day, null, actual, Result.SIN_SUGERENCIA));
                return;
            }
            evaluated++;
            Result result;
            if (kind == SuggestionKind.META) {
                result = actual >= suggested ? Result.META_CUMPLIDA : Result.META_NO_CUMPLIDA;
                goalMet += result == Result.META_CUMPLIDA ? 1 : 0;
            } else if (actual >= suggested) {
                result = Result.EXCESO;
                excess++;
                reduction += actual - suggested;
            } else if (actual * 100 >= suggested * NEAR_PERCENT) {
                result = Result.PROXIMIDAD;
                near++;
            } else {
                result = Result.DENTRO;
            }
            days.add(new DayOutcome(day, suggested, actual, result));
        }

        CategoryOutcome outcome(String category) {
            return new CategoryOutcome(category, kind, evaluated, withoutSuggestion, excess, near, goalMet, reduction,
                    mean(reduction, excess), mean(changeSum, changes), days);
        }

        private static BigDecimal mean(long sum, int count) {
            return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        }
    }
}
