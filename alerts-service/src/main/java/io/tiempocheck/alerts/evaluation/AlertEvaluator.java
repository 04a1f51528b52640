package io.tiempocheck.alerts.evaluation;

import io.tiempocheck.alerts.limits.Limit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a day's totals with the user's limits. Only the totals given are compared: a limit on a
 * category or domain a feature update did not touch has not moved.
 */
public final class AlertEvaluator {

    private AlertEvaluator() {
    }

    /** The highest level each applicable limit has reached; one crossing per limit at most. */
    public static List<Crossing> crossings(List<Limit> limits, DayTotals totals) {
        List<Crossing> crossings = new ArrayList<>();
        for (Limit limit : limits) {
            if (!limit.appliesOn(totals.day())) {
                continue;
            }
            Long used = limit.domain() != null ? get(totals.domains(), limit.domain()) : get(totals.categories(), limit.category());
            if (used == null) {
                continue;
            }
            AlertLevel level = levelFor(limit, used);
            if (level != null) {
                crossings.add(new Crossing(limit, totals.day(), level, used));
            }
        }
        return crossings;
    }

    /** The level the given usage of the day reaches on a limit, or null below its warning threshold. */
    static AlertLevel levelFor(Limit limit, long usedSeconds) {
        if (usedSeconds >= limit.dailySeconds()) {
            return AlertLevel.EXCESO;
        }
        // Whole-number arithmetic: 80 % of 600 s is reached at exactly 480 s.
        return usedSeconds * 100 >= (long) limit.dailySeconds() * limit.warningPercent() ? AlertLevel.PROXIMIDAD : null;
    }

    private static Long get(Map<String, Long> totals, String key) {
        return totals == null ? null : totals.get(key);
    }
}
