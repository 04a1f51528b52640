package io.tiempocheck.features.store;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HourSlotsTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void intervalInsideOneHourHasOneSlot() {
        HourSlots slots = HourSlots.of(OffsetDateTime.parse("2026-03-02T09:10:00-06:00"), 300, MEXICO);
        assertEquals(new HourSlots(LocalDate.of(2026, 3, 2), 9, 300, null, 0, 0), slots);
        assertFalse(slots.hasSecond());
    }

    @Test
    void intervalCrossingMidnightHasItsSecondSlotOnTheNextDay() {
        assertEquals(new HourSlots(LocalDate.of(2026, 3, 3), 23, 60, LocalDate.of(2026, 3, 4), 0, 60),
                HourSlots.of(OffsetDateTime.parse("2026-03-04T05:59:00Z"), 120, MEXICO));
    }

    @Test
    void repeatedHourWhenClocksGoBackAddsUpInOneSlot() {
        // 02:30 CEST + 3600 s: 30 min until 03:00 CEST = 02:00 CET, then 30 min more of the second 02:xx.
        assertEquals(new HourSlots(LocalDate.of(2026, 10, 25), 2, 3600, null, 0, 0),
                HourSlots.of(OffsetDateTime.parse("2026-10-25T02:30:00+02:00"), 3600, MADRID));
    }

    @Test
    void skippedHourWhenClocksGoForwardReceivesNothing() {
        // 01:30 CET + 3600 s: 30 min until 02:00 CET = 03:00 CEST, then 30 min in hour 3; hour 2 does not exist.
        assertEquals(new HourSlots(LocalDate.of(2026, 3, 29), 1, 1800, LocalDate.of(2026, 3, 29), 3, 1800),
                HourSlots.of(OffsetDateTime.parse("2026-03-29T01:30:00+01:00"), 3600, MADRID));
    }

    @Test
    void thirdHourOfAHalfHourShiftIsAddedToTheSecondSlot() {
        // Lord Howe moves from +10:30 to +11 at 02:00: 01:50 + 3600 s touches hours 1, 2 (from 02:30) and 3.
        HourSlots slots = HourSlots.of(OffsetDateTime.parse("2026-10-04T01:50:00+10:30"), 3600, ZoneId.of("Australia/Lord_Howe"));
        assertEquals(600, slots.seconds());
        assertEquals(3000, slots.seconds2());
        assertEquals(2, slots.hour2());
    }
}
