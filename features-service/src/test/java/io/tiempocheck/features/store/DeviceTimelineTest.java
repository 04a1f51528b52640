package io.tiempocheck.features.store;

import io.tiempocheck.features.store.DeviceTimeline.Span;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeviceTimelineTest {

    @Test
    void anIntervalCountsOnlyWhatTheDeviceHasNotCountedYet() {
        DeviceTimeline device = new DeviceTimeline();
        assertEquals(List.of(new Span(100, 200)), device.claim(100, 200));
        assertEquals(List.of(), device.claim(100, 200));
        assertEquals(List.of(), device.claim(150, 160));
        assertEquals(List.of(new Span(50, 100), new Span(200, 250)), device.claim(50, 250));
        device.add(300, 400);
        assertEquals(List.of(new Span(250, 300), new Span(400, 410)), device.claim(240, 410));
        assertEquals(List.of(new Span(410, 411)), device.claim(410, 411));
    }

    @Test
    void fiveHundredHoursWithTheSameStartCountOneHour() {
        DeviceTimeline device = new DeviceTimeline();
        long counted = 0;
        for (int i = 0; i < 500; i++) {
            counted += device.claim(3_600_000, 3_603_600).stream().mapToLong(Span::seconds).sum();
        }
        assertEquals(3600, counted);
    }

    @Test
    void whateverTheOrderTheCountedSecondsAreTheUnionOfTheIntervals() {
        Random random = new Random(20261202L);
        for (int round = 0; round < 200; round++) {
            DeviceTimeline device = new DeviceTimeline();
            BitSet union = new BitSet();
            BitSet claimed = new BitSet();
            for (int i = 0; i < 40; i++) {
                int start = random.nextInt(20_000);
                int end = start + 1 + random.nextInt(3600);
                union.set(start, end);
                for (Span part : device.claim(start, end)) {
                    BitSet piece = new BitSet();
                    piece.set((int) part.start(), (int) part.end());
                    assertEquals(0, cardinalityOfAnd(piece, claimed), "a second counted twice");
                    claimed.or(piece);
                }
            }
            assertEquals(union, claimed);
        }
    }

    @Test
    void theCountedPartsOfAnIntervalStayInItsHourSlots() {
        ZoneId mexico = ZoneId.of("America/Mexico_City");
        OffsetDateTime start = OffsetDateTime.parse("2026-03-01T10:59:30-06:00");
        HourSlots full = HourSlots.of(start, 90, mexico);
        long epoch = start.toEpochSecond();
        // The device already counted 10:59:40-11:00:10: 10 s of the first hour and 10 s of the second are left out.
        HourSlots counted = full.counting(List.of(new Span(epoch, epoch + 10), new Span(epoch + 40, epoch + 90)), mexico);
        assertEquals(new HourSlots(LocalDate.parse("2026-03-01"), 10, 10, LocalDate.parse("2026-03-01"), 11, 50), counted);
        assertEquals(60, counted.total());
    }

    private static int cardinalityOfAnd(BitSet a, BitSet b) {
        BitSet and = (BitSet) a.clone();
        and.and(b);
        return and.cardinality();
    }
}
