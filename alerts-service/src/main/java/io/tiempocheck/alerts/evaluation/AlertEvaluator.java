package io.tiempocheck.alerts.evaluation;

import io.tiempocheck.alerts.limits.Limit;
import io.tiempocheck.common.event.FeatureUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a day's new totals with the user's limits. Only what the update carries is compared:
 * a limit on a category or domain the batch did not touch has not moved.
 */
public final class AlertEvaluator {

    private AlertEvaluator() {
    }

    /** The highest level each applicable limit has reached; one crossing per limit at most. */
    public static List<Crossing> crossings(List<Limit> limits, FeatureUpdate update) {
        List<Crossing> crossings = new ArrayList<>();
        for (Limit limit : limits) {
            if (!limit.appliesOn(update.dia())) {
                continue;
            }
            Long used = limit.domain() != null ? get(update.dominios(), limit.domain()) : get(update.categorias(), limit.category());
            if (used == null) {
                continue;
            }
            AlertLevel level = limit.levelFor(used);
            if (level != null) {
                crossings.add(new Crossing(limit, update.dia(), level, used));
            }
        }
        return crossings;
    }

    private static Long get(Map<String, Long> totals, String key) {
        return totals == null ? null : totals.get(key);
    }
}
