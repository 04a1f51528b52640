package io.tiempocheck.ingest.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Device tokens whose signature and claims were verified, kept to skip that work on the device's next batches. */
@ConfigMapping(prefix = "tiempocheck.ingest.verified-tokens")
public interface VerifiedTokensConfig {

    long maxSize();

    Duration keepFor();
}
