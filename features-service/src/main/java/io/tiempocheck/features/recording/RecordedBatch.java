package io.tiempocheck.features.recording;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.store.UserDay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What writing one consumer batch did: the events that were new, the domains of every user-day the
 * batch's events fall on, duplicates included (what the feature updates announce), and those days'
 * rows of features_diarias as the batch's transaction left them; and how many seconds of the new
 * events were not counted because their device had counted them already.
 */
public record RecordedBatch(List<UsageEvent> fresh, Map<UserDay, Set<String>> touchedDomains, List<DailyRow> dayTotals,
        long trimmedSeconds) {

    public static final RecordedBatch EMPTY = new RecordedBatch(List.of(), Map.of(), List.of(), 0);

    /**
     * The writes of one batch's parts, in the order they committed, as one: a day touched by several
     * parts has the totals the last of them read, which include the earlier parts' seconds.
     */
    public static RecordedBatch merge(List<RecordedBatch> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<UsageEvent> fresh = new ArrayList<>();
        Map<UserDay, Set<String>> touched = new HashMap<>();
        Map<UserDay, List<DailyRow>> totals = new LinkedHashMap<>();
        long trimmed = 0;
        for (RecordedBatch part : parts) {
            trimmed += part.trimmedSeconds();
            fresh.addAll(part.fresh());
            part.touchedDomains().forEach((day, domains) -> touched.computeIfAbsent(day, d -> new HashSet<>()).addAll(domains));
            Map<UserDay, List<DailyRow>> read = new HashMap<>();
            for (UserDay day : part.touchedDomains().keySet()) {
                read.put(day, new ArrayList<>());
            }
            for (DailyRow row : part.dayTotals()) {
                read.computeIfAbsent(new UserDay(row.userId(), row.day()), d -> new ArrayList<>()).add(row);
            }
            totals.putAll(read);
        }
        return new RecordedBatch(fresh, touched, totals.values().stream().flatMap(List::stream).toList(), trimmed);
    }
}
