package io.tiempocheck.suggestions.store;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalDaysTest {

    @Test
    void todayIsTheUsersLocalDayNotTheServers() {
        LocalDays days = new LocalDays(Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC));
        assertEquals(LocalDate.of(2026, 12, 1), days.today(ZoneId.of("America/Mexico_City")));
        assertEquals(LocalDate.of(2026, 12, 2), days.today(ZoneId.of("Europe/Madrid")));
    }
}
