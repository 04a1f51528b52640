package io.tiempocheck.common.ratelimit;

import java.time.Duration;

/** Up to {@code capacity} requests at once, refilled evenly to that many over {@code period}. */
public interface RateLimit {

    int capacity();

    Duration period();
}
