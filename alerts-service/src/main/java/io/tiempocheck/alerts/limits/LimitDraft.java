package io.tiempocheck.alerts.limits;

import java.util.List;

/** A limit as the user asked for it, validated and normalized, not yet stored. */
public record LimitDraft(String category, String domain, int dailySeconds, int warningPercent, List<Integer> weekdays,
        boolean active) {
}
