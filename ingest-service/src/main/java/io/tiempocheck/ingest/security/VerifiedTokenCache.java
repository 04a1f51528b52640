package io.tiempocheck.ingest.security;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.tiempocheck.ingest.config.VerifiedTokensConfig;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;

/**
 * Decorates smallrye-jwt's parser so that it remembers the device tokens it has verified. A device
 * posts every batch with the same token, and checking its RSA signature and claims again on each
 * request was a tenth of ingest's CPU. The cache is keyed by the whole compact token, signature
 * included, so a hit is the very string that was verified; only successful verifications are kept,
 * and a kept token whose expiry has come goes through the full verification again (which also
 * applies the clock skew). Every other method of the parser is left as it is. Ingest-service only:
 * a replica holding many open streams (alerts) would pay memory per token.
 */
@Decorator
@Priority(1)
public abstract class VerifiedTokenCache implements JWTParser {

    private final JWTParser verifier;
    private final Clock clock;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokenCache(@Delegate JWTParser verifier, Clock clock, VerifiedTokensConfig config) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = CacheBuilder.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfterWrite(config.keepFor())
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && clock.instant().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken parsed = verifier.parse(token);
        verified.put(token, parsed);
        return parsed;
    }
}
