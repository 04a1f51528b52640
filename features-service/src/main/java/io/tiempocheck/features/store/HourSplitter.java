package io.tiempocheck.features.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an interval across the local hours (and so the local days) of the user's time zone.
 * Works on the instant timeline, so DST changes neither lose nor invent seconds: a repeated hour
 * adds to the same (day, hour), a skipped hour simply receives nothing.
 */
public final class HourSplitter {

    private HourSplitter() {
    }

    public static List<HourSlice> split(OffsetDateTime start, int seconds, ZoneId zone) {
        List<HourSlice> slices = new ArrayList<>(2);
        // Whole seconds in, whole seconds out: a fractional start must not shave a second off the sum.
        Instant cursor = start.toInstant().truncatedTo(ChronoUnit.SECONDS);
        Instant end = cursor.plusSeconds(seconds);
        while (cursor.isBefore(end)) {
            ZonedDateTime local = cursor.atZone(zone);
            Instant nextHour = local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            Instant sliceEnd = nextHour.isBefore(end) ? nextHour : end;
            slices.add(new HourSlice(local.toLocalDate(), local.getHour(), (int) Duration.between(cursor, sliceEnd).toSeconds()));
            cursor = sliceEnd;
        }
        return slices;
    }
}
