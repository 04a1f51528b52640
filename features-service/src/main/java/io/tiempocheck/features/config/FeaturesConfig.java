package io.tiempocheck.features.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tiempocheck.features")
public interface FeaturesConfig {

    Consumer consumer();

    Query query();

    interface Consumer {
        /** Attempts at writing one batch before the channel fails (and readiness goes DOWN); offsets stay uncommitted. */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();
    }

    interface Query {
        @WithDefault("5")
        int topDomains();

        @WithDefault("366")
        int maxRangeDays();
    }
}
