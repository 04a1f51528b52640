package io.tiempocheck.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tiempocheck.common.ratelimit.KeyedBuckets;
import io.tiempocheck.common.ratelimit.RateLimit;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed authentications per client address: once an address has used up its allowance,
 * its requests are refused with 429 before any token is looked at, so guessing tokens or the admin
 * secret costs the guesser time and the service nothing. A device whose token expired fails a few
 * times a minute at most and never gets there.
 */
@ApplicationScoped
public class AuthFailureLimiter {

    @ConfigMapping(prefix = "tiempocheck.auth-failures")
    public interface Config extends RateLimit {

        @Override
        @WithDefault("20")
        int capacity();

        @Override
        @WithDefault("PT1M")
        Duration period();

        /** Addresses remembered at once. */
        @WithDefault("100000")
        long maxAddresses();
    }

    private final KeyedBuckets failures;

    public AuthFailureLimiter(Config config) {
        this.failures = new KeyedBuckets(config, config.maxAddresses());
    }

    /** How long the request's address must wait before it may try a credential again; empty if it may now. */
    public Optional<Duration> blockedFor(RoutingContext context) {
        return failures.exhaustedFor(ClientAddress.of(context));
    }

    public void recordFailure(RoutingContext context) {
        failures.take(ClientAddress.of(context));
    }
}
