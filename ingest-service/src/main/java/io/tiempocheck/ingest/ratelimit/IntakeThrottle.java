package io.tiempocheck.ingest.ratelimit;

import io.tiempocheck.common.ratelimit.KeyedBuckets;
import io.tiempocheck.common.ratelimit.TooManyRequestsException;
import io.tiempocheck.common.security.ClientAddress;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.Optional;

/**
 * Throttles ingest per device token and per client address, before the token is verified or the
 * body read, so a flood costs a bucket lookup per request. Health and metrics (/q/) are exempt:
 * probes come from one address. A refused request is answered 429 with Retry-After by common's
 * HttpLayerErrors; the extension keeps the batch and waits at least that long.
 */
@ApplicationScoped
public class IntakeThrottle {

    /** After common's size checks (-300), before authentication (-200). */
    private static final int BEFORE_AUTHENTICATION = -250;

    private final KeyedBuckets perDevice;
    private final KeyedBuckets perAddress;

    public IntakeThrottle(IntakeRateLimits limits) {
        this.perDevice = new KeyedBuckets(limits.perDevice(), limits.maxKeys());
        this.perAddress = new KeyedBuckets(limits.perAddress(), limits.maxKeys());
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_AUTHENTICATION).handler(this::throttle);
    }

    private void throttle(RoutingContext context) {
        if (context.normalizedPath().startsWith("/q/")) {
            context.next();
            return;
        }
        Optional<Duration> wait = perAddress.take(ClientAddress.of(context));
        if (wait.isPresent()) {
            context.fail(new TooManyRequestsException("demasiadas peticiones desde esta dirección", wait.get()));
            return;
        }
        String credential = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        wait = credential == null ? Optional.empty() : perDevice.take(credential);
        if (wait.isPresent()) {
            context.fail(new TooManyRequestsException("demasiadas peticiones con este token", wait.get()));
            return;
        }
        context.next();
    }
}
