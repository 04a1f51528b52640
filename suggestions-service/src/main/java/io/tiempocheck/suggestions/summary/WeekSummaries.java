package io.tiempocheck.suggestions.summary;

import com.google.common.math.Quantiles;
import io.tiempocheck.suggestions.policy.Policy;
import io.tiempocheck.suggestions.policy.SuggestionKind;
import io.tiempocheck.suggestions.store.UsageHistory;
import io.tiempocheck.suggestions.suggestion.SuggestionDetail;
import io.tiempocheck.suggestions.suggestion.SuggestionRule;
import io.tiempocheck.suggestions.summary.WeekSummary.GoalStreak;
import io.tiempocheck.suggestions.summary.WeekSummary.Streaks;
import io.tiempocheck.suggestions.summary.WeekSummary.UnusualDay;
import io.tiempocheck.suggestions.summary.WeekSummary.WeekOverWeek;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A week in a few lines. Streaks are judged against the suggestion of each morning (the policy
 * over the days before, as the evaluator does); unusual days by a robust rule (median and MAD of
 * the same weekday over the previous 8 weeks, so one odd week cannot hide the next); this week
 * against the same weekdays of last week, so a week still under way is not compared with a whole one.
 */
public final class WeekSummaries {

    /** How many same weekdays before a day make its usual. */
    public static final int SAME_WEEKDAYS = 8;
    static final double K = 3;
    /** Scales the MAD to a standard deviation for normal data. */
    static final double MAD_SCALE = 1.4826;
    /** An unusual day is at least this far above the median: a habit of exactly 0 s would flag any use. */
    static final long MIN_MARGIN = 900;
    /** Same weekdays with data needed before a day can be called unusual: two weeks of history make no habit. */
    static final int MIN_SAME_WEEKDAYS = 4;
    /** Streaks are looked for this far back at most. */
    public static final int MAX_STREAK = 120;

    private WeekSummaries() {
    }

    /**
     * @param monday the week's first day
     * @param lastCounted the week's last day before today (may be before monday: nothing counted yet)
     * @param history from (monday - MAX_STREAK - the policy's window) to lastCounted
     */
    public static WeekSummary of(Policy policy, UsageHistory history, LocalDate monday, LocalDate lastCounted) {
        LocalDate sunday = monday.plusDays(6);
        LocalDate last = lastCounted.isAfter(sunday) ? sunday : lastCounted;
        int counted = last.isBefore(monday) ? 0 : (int) (last.toEpochDay() - monday.toEpochDay()) + 1;
        String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new WeekSummary(week, monday, sunday, counted, streaks(policy, history, last),
                unusual(history, monday, last), weekOverWeek(history, monday, counted));
    }

    private static Streaks streaks(Policy policy, UsageHistory history, LocalDate last) {
        int within = 0;
        boolean withinOpen = true;
        Map<String, Integer> goals = new TreeMap<>();
        Set<String> stopped = new HashSet<>();
        for (int back = 0; back < MAX_STREAK; back++) {
            LocalDate day = last.minusDays(back);
            if (!history.hasData(day) || (!withinOpen && stopped.containsAll(goals.keySet()))) {
                break;
            }
            boolean allWithin = true;
            Set<String> goalsToday = new HashSet<>();
            for (SuggestionDetail suggestion : SuggestionRule.suggest(policy, history, day)) {
                if (suggestion.seconds() == null) {
                    continue;
                }
                String category = suggestion.category();
                long used = history.seconds(day, category);
                if (suggestion.kind() == SuggestionKind.LIMITE) {
                    allWithin &= used < suggestion.seconds();
                } else if (!stopped.contains(category) && (back == 0 || goals.containsKey(category))) {
                    goalsToday.add(category);
                    if (used >= suggestion.seconds()) {
                        goals.merge(category, 1, Integer::sum);
                    } else {
                        goals.putIfAbsent(category, 0);
                        stopped.add(category);
                    }
                }
            }
            // A goal without a suggestion that morning (too little history then) ends its streak.
            goals.keySet().stream().filter(c -> !goalsToday.contains(c)).forEach(stopped::add);
            if (withinOpen && allWithin) {
                within++;
            } else {
                withinOpen = false;
            }
        }
        List<GoalStreak> goalStreaks = new ArrayList<>();
        goals.forEach((category, days) -> goalStreaks.add(new GoalStreak(category, days)));
        return new Streaks(within, goalStreaks);
    }

    private static List<UnusualDay> unusual(UsageHistory history, LocalDate monday, LocalDate last) {
        List<UnusualDay> unusual = new ArrayList<>();
        for (LocalDate day = monday; !day.isAfter(last); day = day.plusDays(1)) {
            if (!history.hasData(day)) {
                continue;
            }
            int known = 0;
            for (int w = 1; w <= SAME_WEEKDAYS; w++) {
                known += history.hasData(day.minusWeeks(w)) ? 1 : 0;
            }
            if (known < MIN_SAME_WEEKDAYS) {
                continue;
            }
            for (Map.Entry<String, Long> use : new TreeMap<>(history.days().get(day)).entrySet()) {
                double[] usual = new double[SAME_WEEKDAYS];
                for (int w = 1; w <= SAME_WEEKDAYS; w++) {
                    usual[w - 1] = history.seconds(day.minusWeeks(w), use.getKey());
                }
                double median = Quantiles.median().compute(usual);
                double[] deviations = new double[SAME_WEEKDAYS];
                for (int i = 0; i < SAME_WEEKDAYS; i++) {
                    deviations[i] = Math.abs(usual[i] - median);
                }
                double mad = Quantiles.median().compute(deviations);
                double threshold = Math.max(median + K * MAD_SCALE * mad, median + MIN_MARGIN);
                if (use.getValue() > threshold) {
                    unusual.add(new UnusualDay(day, use.getKey(), use.getValue(), median, mad, Math.round(threshold * 100) / 100.0));
                }
            }
        }
        return unusual;
    }

    private static List<WeekOverWeek> weekOverWeek(UsageHistory history, LocalDate monday, int counted) {
        Map<String, long[]> totals = new TreeMap<>();
        for (int d = 0; d < counted; d++) {
            add(totals, history, monday.plusDays(d), 0);
            add(totals, history, monday.minusWeeks(1).plusDays(d), 1);
        }
        List<WeekOverWeek> lines = new ArrayList<>();
        totals.forEach((category, t) -> lines.add(new WeekOverWeek(category, t[0], t[1], t[0] - t[1],
                t[1] == 0 ? null : BigDecimal.valueOf((t[0] - t[1]) * 100).divide(BigDecimal.valueOf(t[1]), 1, RoundingMode.HALF_UP))));
        return lines;
    }

    private static void add(Map<String, long[]> totals, UsageHistory history, LocalDate day, int slot) {
        Map<String, Long> uses = history.days().get(day);
        if (uses != null) {
            uses.forEach((category, seconds) -> totals.computeIfAbsent(category, c -> new long[2])[slot] += seconds);
        }
    }
}
