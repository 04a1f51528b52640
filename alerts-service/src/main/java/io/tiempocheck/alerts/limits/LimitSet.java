package io.tiempocheck.alerts.limits;

import java.time.ZoneId;

/** A CDI event: a limit was just created or replaced (stored) by a user living in this zone. */
public record LimitSet(Limit limit, ZoneId zone) {
}
