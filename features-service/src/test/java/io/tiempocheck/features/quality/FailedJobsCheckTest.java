package io.tiempocheck.features.quality;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailedJobsCheckTest {

    private static final Instant START = Instant.parse("2026-12-03T00:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void runsOnScheduleMissNothing() {
        List<Instant> runs = List.of(START.plusSeconds(290), START.plusSeconds(590), START.plusSeconds(890));
        assertEquals(0, FailedJobsCheck.missed(runs, START, START.plusSeconds(1100), FIVE_MINUTES));
    }

    @Test
    void aWholeIntervalWithoutARunIsAMissedRun() {
        // A gap of 20 minutes between two runs holds three missed ticks; 12 minutes since the last, one more.
        List<Instant> runs = List.of(START.plusSeconds(300), START.plusSeconds(1500));
        assertEquals(4, FailedJobsCheck.missed(runs, START, START.plusSeconds(1500 + 720), FIVE_MINUTES));
    }

    @Test
    void nothingIsMissedBeforeTheWindowOpens() {
        assertEquals(0, FailedJobsCheck.missed(List.of(), START, START, FIVE_MINUTES));
        assertEquals(0, FailedJobsCheck.missed(List.of(), START.plusSeconds(60), START, FIVE_MINUTES));
    }

    @Test
    void schedulerPeriodsAreReadAsQuarkusWritesThem() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), FailedJobsCheck.every("5m"));
        assertEquals(Optional.of(Duration.ofHours(6)), FailedJobsCheck.every("6h"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), FailedJobsCheck.every("30s"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), FailedJobsCheck.every("90"));
        assertEquals(Optional.of(Duration.ofDays(1)), FailedJobsCheck.every("1d"));
        assertEquals(Optional.of(Duration.ofMinutes(10)), FailedJobsCheck.every("PT10M"));
        assertEquals(Optional.empty(), FailedJobsCheck.every("off"));
        assertEquals(Optional.empty(), FailedJobsCheck.every("0s"));
    }
}
