package io.tiempocheck.features.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An interval's seconds by local hour, as stored in {@code registro}: the hour it starts in and at
 * most one more (an interval is at most 3600 s). Slices that fall in the same local hour twice (the
 * repeated hour when clocks go back) add up. The only zone whose rules can give a third distinct
 * hour is Australia/Lord_Howe (a 30-minute DST shift); that third slice is added to the second hour.
 */
public record HourSlots(LocalDate day, int hour, int seconds, LocalDate day2, int hour2, int seconds2) {

    public static HourSlots of(OffsetDateTime start, int seconds, ZoneId zone) {
        List<HourSlice> slices = HourSplitter.split(start, seconds, zone);
        HourSlice first = slices.get(0);
        int firstSeconds = 0;
        HourSlice second = null;
        int secondSeconds = 0;
        for (HourSlice slice : slices) {
            if (slice.day().equals(first.day()) && slice.hour() == first.hour()) {
                firstSeconds += slice.seconds();
            } else {
                second = second == null ? slice : second;
                secondSeconds += slice.seconds();
            }
        }
        return second == null
                ? new HourSlots(first.day(), first.hour(), firstSeconds, null, 0, 0)
                : new HourSlots(first.day(), first.hour(), firstSeconds, second.day(), second.hour(), secondSeconds);
    }

    /**
     * What is left of these slots when only the given parts of the interval count: each part's
     * seconds go to the slot of the hour they fall in, as {@link #of} puts them.
     */
    public HourSlots counting(List<DeviceTimeline.Span> parts, ZoneId zone) {
        int first = 0;
        int second = 0;
        for (DeviceTimeline.Span part : parts) {
            OffsetDateTime start = OffsetDateTime.ofInstant(Instant.ofEpochSecond(part.start()), ZoneOffset.UTC);
            for (HourSlice slice : HourSplitter.split(start, (int) part.seconds(), zone)) {
                if (slice.day().equals(day) && slice.hour() == hour) {
                    first += slice.seconds();
                } else {
                    second += slice.seconds();
                }
            }
        }
        return new HourSlots(day, hour, first, day2, hour2, second);
    }

    public int total() {
        return seconds + seconds2;
    }

    public boolean hasSecond() {
        return seconds2 > 0;
    }
}
