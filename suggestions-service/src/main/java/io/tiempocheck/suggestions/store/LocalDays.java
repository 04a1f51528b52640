package io.tiempocheck.suggestions.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The user's local today: the day that is not over yet, so no suggestion or summary ever counts it. */
@ApplicationScoped
public class LocalDays {

    private final Clock clock;

    public LocalDays(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
