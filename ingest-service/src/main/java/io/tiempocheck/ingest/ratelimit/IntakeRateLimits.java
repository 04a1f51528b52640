package io.tiempocheck.ingest.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.tiempocheck.common.ratelimit.RateLimit;

/** How many requests a device token and a client address may make (see IntakeThrottle). */
@ConfigMapping(prefix = "tiempocheck.ingest.rate-limits")
public interface IntakeRateLimits {

    Limit perDevice();

    Limit perAddress();

    /** Device tokens and addresses remembered at once, each. */
    long maxKeys();

    interface Limit extends RateLimit {
    }
}
