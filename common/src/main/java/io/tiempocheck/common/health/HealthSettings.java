package io.tiempocheck.common.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a readiness check may wait for a dependency before it answers DOWN. */
@ConfigMapping(prefix = "tiempocheck.health")
public interface HealthSettings {

    /** Under the probes' 2 s: a frozen database or broker reads as DOWN, not as a hung probe. */
    @WithDefault("1200ms")
    Duration timeout();
}
