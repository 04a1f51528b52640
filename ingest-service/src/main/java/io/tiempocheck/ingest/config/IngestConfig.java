package io.tiempocheck.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tiempocheck.common.event.UsageEvent;

import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "tiempocheck.ingest")
public interface IngestConfig {

    int maxEventsPerBatch();

    /**
     * The longest interval accepted, in seconds: {@link UsageEvent#MAX_SECONDS}, the limit features-service
     * re-checks and sizes its overlap search by, unless an operator lowers it. It may never be raised past
     * that (ingest would accept what features-service parks as poison), so the validator refuses to start.
     */
    @WithDefault("" + UsageEvent.MAX_SECONDS)
    int maxSecondsPerEvent();

    /** How far past the server clock an interval may start: browsers' clocks drift. */
    Duration futureTolerance();

    /**
     * How far back an interval may start: an offline queue or an import of older history still fits, a
     * wrong clock or a made-up date does not. Never earlier than {@link UsageEvent#EARLIEST_START}.
     */
    @WithDefault("P400D")
    Duration maxAge();

    Duration tokenValidity();

    ZoneId defaultTimeZone();
}
