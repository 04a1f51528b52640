package io.tiempocheck.ingest.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "tiempocheck.ingest")
public interface IngestConfig {

    int maxEventsPerBatch();

    int maxSecondsPerEvent();

    /** How far past the server clock an interval may start: browsers' clocks drift. */
    Duration futureTolerance();

    Duration tokenValidity();

    ZoneId defaultTimeZone();
}
