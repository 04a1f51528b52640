package io.tiempocheck.features.service;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.repository.DayTotal;
import io.tiempocheck.features.repository.UserDay;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What writing one consumer batch did: the events that were new, the domains of every user-day the
 * batch's events fall on, duplicates included (what the feature updates announce), and those days'
 * rows of features_diarias as the batch's transaction left them.
 */
public record RecordedBatch(List<UsageEvent> fresh, Map<UserDay, Set<String>> touchedDomains, List<DayTotal> dayTotals) {
}
