package io.tiempocheck.features.store;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HourSplitterTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void anIntervalInsideOneHourStaysWhole() {
        assertEquals(List.of(new HourSlice(LocalDate.of(2026, 3, 2), 9, 300)),
                HourSplitter.split(OffsetDateTime.parse("2026-03-02T09:10:00-06:00"), 300, MEXICO));
    }

    @Test
    void anIntervalCrossingAnHourIsSplit() {
        assertEquals(List.of(new HourSlice(LocalDate.of(2026, 3, 3), 10, 30), new HourSlice(LocalDate.of(2026, 3, 3), 11, 60)),
                HourSplitter.split(OffsetDateTime.parse("2026-03-03T10:59:30-06:00"), 90, MEXICO));
    }

    @Test
    void hoursAreTheUsersLocalHoursWhateverOffsetTheBrowserSent() {
        assertEquals(List.of(new HourSlice(LocalDate.of(2026, 3, 3), 23, 60), new HourSlice(LocalDate.of(2026, 3, 4), 0, 60)),
                HourSplitter.split(OffsetDateTime.parse("2026-03-04T05:59:00Z"), 120, MEXICO));
    }

    @Test
    void aFractionalStartNeverLosesASecond() {
        List<HourSlice> slices = HourSplitter.split(OffsetDateTime.parse("2026-03-03T10:59:59.500-06:00"), 2, MEXICO);
        assertEquals(2, slices.stream().mapToInt(HourSlice::seconds).sum());
    }

    @Test
    void theRepeatedHourOfADaylightSavingEndAddsUpInOneHour() {
        // Madrid falls back at 03:00 CEST on 2026-10-25: 02:00-03:00 happens twice.
        List<HourSlice> slices = HourSplitter.split(OffsetDateTime.parse("2026-10-25T02:30:00+02:00"), 3600, MADRID);
        assertEquals(List.of(new HourSlice(LocalDate.of(2026, 10, 25), 2, 1800), new HourSlice(LocalDate.of(2026, 10, 25), 2, 1800)), slices);
    }

    @Test
    void theSkippedHourOfADaylightSavingStartGetsNothing() {
        // Madrid springs forward at 02:00 CET on 2026-03-29: 02:00-03:00 does not exist.
        List<HourSlice> slices = HourSplitter.split(OffsetDateTime.parse("2026-03-29T01:30:00+01:00"), 3600, MADRID);
        assertEquals(List.of(new HourSlice(LocalDate.of(2026, 3, 29), 1, 1800), new HourSlice(LocalDate.of(2026, 3, 29), 3, 1800)), slices);
    }
}
