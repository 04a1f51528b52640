package io.tiempocheck.features.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seconds one device has counted, as disjoint intervals of epoch seconds. A device measures one
 * tab at a time, so its intervals never overlap in reality: where two do (a resent queue with new
 * ids, a clock jump, a forged batch), the seconds counted first stay and the later interval counts
 * only what it adds. Whatever the order, a device's counted seconds are the length of the union of
 * its intervals, so no hour of it exceeds 3600 s.
 */
public final class DeviceTimeline {

    /** A half-open interval of epoch seconds, [start, end). */
    public record Span(long start, long end) {
        public long seconds() {
            return end - start;
        }
    }

    private final TreeMap<Long, Long> counted = new TreeMap<>();

    /** Marks an interval as counted (an event already stored), without asking what it adds. */
    public void add(long start, long end) {
        claim(start, end);
    }

    /** The parts of [start, end) not counted yet, in order; from now on all of it is counted. */
    public List<Span> claim(long start, long end) {
        List<Span> fresh = new ArrayList<>(1);
        if (end <= start) {
            return fresh;
        }
        long mergedStart = start;
        long mergedEnd = end;
        long cursor = start;
        // The interval that starts at or before start may reach into it.
        Map.Entry<Long, Long> before = counted.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            mergedStart = before.getKey();
            mergedEnd = Math.max(mergedEnd, before.getValue());
            cursor = Math.max(cursor, before.getValue());
            counted.remove(before.getKey());
        }
        // Every interval that starts inside [start, end].
        for (Map.Entry<Long, Long> next = counted.ceilingEntry(start); next != null && next.getKey() <= end;
                next = counted.ceilingEntry(start)) {
            if (next.getKey() > cursor) {
                fresh.add(new Span(cursor, Math.min(next.getKey(), end)));
            }
            cursor = Math.max(cursor, next.getValue());
            mergedEnd = Math.max(mergedEnd, next.getValue());
            counted.remove(next.getKey());
        }
        if (cursor < end) {
            fresh.add(new Span(cursor, end));
        }
        counted.put(mergedStart, mergedEnd);
        return fresh;
    }
}
