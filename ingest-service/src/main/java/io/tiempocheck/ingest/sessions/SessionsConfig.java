package io.tiempocheck.ingest.sessions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tiempocheck.sesiones")
public interface SessionsConfig {

    /** How long a dashboard session token is valid. */
    @WithDefault("PT12H")
    Duration validity();

    /** Failed sign-ins of one name tolerated within {@link #failureWindow()}; the next attempt is refused with 429. */
    @WithDefault("5")
    int maxFailures();

    @WithDefault("PT5M")
    Duration failureWindow();
}
