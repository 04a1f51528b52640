package io.tiempocheck.common.time;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IsoTimestampsTest {

    @Test
    void readsTheShapesOfTheContract() {
        assertEquals(OffsetDateTime.parse("2026-03-01T10:00:07-06:00"), IsoTimestamps.parseOffsetDateTime("2026-03-01T10:00:07-06:00"));
        assertEquals(Instant.parse("2026-03-01T16:00:00.123456Z"), IsoTimestamps.parseInstant("2026-03-01T16:00:00.123456Z"));
        assertEquals(OffsetDateTime.parse("2026-11-27T23:59:30.5+05:30"), IsoTimestamps.parseOffsetDateTime("2026-11-27T23:59:30.5+05:30"));
    }

    @Test
    void leavesEverythingElseToJavaTime() {
        assertEquals(OffsetDateTime.parse("2026-03-01T10:00-06:00"), IsoTimestamps.parseOffsetDateTime("2026-03-01T10:00-06:00"));
        assertEquals(OffsetDateTime.parse("2026-03-01t10:00:00z"), IsoTimestamps.parseOffsetDateTime("2026-03-01t10:00:00z"));
        assertThrows(DateTimeException.class, () -> IsoTimestamps.parseOffsetDateTime("2026-03-01T10:00:00"));
        assertThrows(DateTimeException.class, () -> IsoTimestamps.parseOffsetDateTime("2026-02-30T10:00:00Z"));
        assertThrows(DateTimeException.class, () -> IsoTimestamps.parseOffsetDateTime("2026-03-01T10:00:00+19:00"));
        assertEquals(Instant.parse("2026-12-31T23:59:60Z"), IsoTimestamps.parseInstant("2026-12-31T23:59:60Z"));
    }

    /** Thousands of near-valid strings: the same value as java.time, or a failure where it fails. */
    @Test
    void agreesWithJavaTimeOnRandomNearMisses() {
        Random random = new Random(20261127L);
        for (int i = 0; i < 50_000; i++) {
            String text = nearMiss(random);
            assertSameOutcome(text, OffsetDateTime::parse, IsoTimestamps::parseOffsetDateTime);
            assertSameOutcome(text, Instant::parse, IsoTimestamps::parseInstant);
        }
    }

    private static <T> void assertSameOutcome(String text, Function<String, T> javaTime, Function<String, T> ours) {
        Object expected;
        try {
            expected = javaTime.apply(text);
        } catch (DateTimeException e) {
            expected = DateTimeException.class;
        }
        Object actual;
        try {
            actual = ours.apply(text);
        } catch (DateTimeException e) {
            actual = DateTimeException.class;
        }
        assertEquals(expected, actual, text);
    }

    private static String nearMiss(Random random) {
        StringBuilder text = new StringBuilder()
                .append(pick(random, "2026", "1999", "0000", "9999", "+2026", "20x6", "202"))
                .append(pick(random, "-", "-", "-", "/"))
                .append(pick(random, "01", "02", "12", "13", "00", "1"))
                .append('-')
                .append(pick(random, "01", "28", "29", "30", "31", "32", "00"))
                .append(pick(random, "T", "T", "T", "t", " "))
                .append(pick(random, "00", "09", "23", "24", "7"))
                .append(':')
                .append(pick(random, "00", "59", "60", "5"))
                .append(pick(random, ":00", ":07", ":59", ":60", ":61", "", ":5"));
        if (random.nextInt(3) == 0) {
            text.append(pick(random, ".", ",")).append(String.valueOf(Math.abs(random.nextLong())), 0, random.nextInt(12));
        }
        text.append(pick(random, "Z", "z", "+00:00", "-00:00", "-06:00", "+05:30", "+18:00", "-18:00", "+18:01", "+19:00",
                "+05:60", "-06", "-0600", "+05:30:15", "", "X", "+5:30", "Z "));
        return text.toString();
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
