package io.tiempocheck.ingest.security;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.tiempocheck.ingest.config.VerifiedTokensConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;

/**
 * smallrye-jwt's parser, remembering the device tokens it has verified. A device posts every batch
 * with the same token, and checking its RSA signature and claims again on each request was a tenth
 * of ingest's CPU. The cache is keyed by the whole compact token, signature included, so a hit is
 * the very string that was verified; only successful verifications are kept, and a kept token whose
 * expiry has come goes through the full verification again (which also applies the clock skew).
 * Ingest-service only: a replica holding many open streams (alerts) would pay memory per token.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Clock clock;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokenCache(DefaultJWTParser verifier, Clock clock, VerifiedTokensConfig config) {
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

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
