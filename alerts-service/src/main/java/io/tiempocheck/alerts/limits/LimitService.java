package io.tiempocheck.alerts.limits;

import io.tiempocheck.common.rest.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.NotFoundException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * A user's own limits; another user's limit is answered exactly as one that does not exist. A limit
 * stored is announced with a {@link LimitSet} event, so that the evaluation compares it with today's
 * usage before the request is answered (a synchronous observer) without this package depending on it.
 */
@ApplicationScoped
public class LimitService {

    static final int MAX_LIMITS_PER_USER = 100;

    private final LimitRepository limits;
    private final LimitValidator validator;
    private final Event<LimitSet> limitsSet;
    private final Clock clock;

    public LimitService(LimitRepository limits, LimitValidator validator, Event<LimitSet> limitsSet, Clock clock) {
        this.limits = limits;
        this.validator = validator;
        this.limitsSet = limitsSet;
        this.clock = clock;
    }

    public Limit create(long userId, ZoneId zone, LimitRequest request) throws SQLException {
        var draft = validator.validate(userId, request);
        // Every feature update of the user is compared with all their active limits.
        if (limits.count(userId) >= MAX_LIMITS_PER_USER) {
            throw new InvalidInputException(null, "como máximo " + MAX_LIMITS_PER_USER + " límites por usuario; borra alguno antes");
        }
        Limit limit = limits.insert(userId, draft, clock.instant());
        limitsSet.fire(new LimitSet(limit, zone));
        return limit;
    }

    public List<Limit> all(long userId) throws SQLException {
        return limits.all(userId);
    }

    public Limit get(long userId, long id) throws SQLException {
        return limits.find(userId, id).orElseThrow(LimitService::notFound);
    }

    public Limit replace(long userId, ZoneId zone, long id, LimitRequest request) throws SQLException {
        if (!limits.update(userId, id, validator.validate(userId, request), clock.instant())) {
            throw notFound();
        }
        Limit limit = get(userId, id);
        limitsSet.fire(new LimitSet(limit, zone));
        return limit;
    }

    public void delete(long userId, long id) throws SQLException {
        if (!limits.delete(userId, id)) {
            throw notFound();
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("no existe ese límite");
    }
}
