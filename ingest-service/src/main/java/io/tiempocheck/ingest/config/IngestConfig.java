package io.tiempocheck.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "tiempocheck.ingest")
public interface IngestConfig {

    int maxEventsPerBatch();

    int maxSecondsPerEvent();

    /** How far past the server clock an interval may start: browsers' clocks drift. */
    Duration futureTolerance();

    /**
     * How far back an interval may start: an offline queue or an import of older history still fits, a
     * wrong clock or a made-up date does not. Never earlier than {@link io.tiempocheck.common.event.UsageEvent#EARLIEST_START}.
     */
    @WithDefault("P400D")
    Duration maxAge();

    Duration tokenValidity();

    ZoneId defaultTimeZone();
}
