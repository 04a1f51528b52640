package io.tiempocheck.common.security;

import io.tiempocheck.common.privacy.AccountErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What this replica knows of the revocations topic: the revoked devices, the disabled and the
 * erased accounts. Kept whole in memory (a few bytes per revoked device, read from the compacted
 * topic at every start), so refusing a token costs two set lookups and no call to anybody.
 */
@ApplicationScoped
public class RevokedTokens {

    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);

    private final Set<String> devices = ConcurrentHashMap.newKeySet();
    private final Set<Long> disabledUsers = ConcurrentHashMap.newKeySet();
    private final Set<Long> erasedUsers = ConcurrentHashMap.newKeySet();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Event<TokensRevoked> revoked;
    private final Event<AccountErased> erased;

    public RevokedTokens(Event<TokensRevoked> revoked, Event<AccountErased> erased) {
        this.revoked = revoked;
        this.erased = erased;
    }

    /** Whether a verified token must be refused: its device was revoked, or its account disabled or erased. */
    public boolean refuses(JsonWebToken token) {
        String device = token.getClaim(CurrentUser.DEVICE_CLAIM);
        if (device != null && devices.contains(device)) {
            return true;
        }
        Long user = userId(token.getSubject());
        return user != null && (disabledUsers.contains(user) || erasedUsers.contains(user));
    }

    /**
     * Whether the account was erased, for consumers that must skip its events. Waits (bounded) until
     * the topic has been read up to where it stood at start-up, so a replay right after a start does
     * not bring an erased user's events back.
     */
    public boolean isErased(long userId) {
        awaitCaughtUp(Duration.ofSeconds(60));
        return erasedUsers.contains(userId);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    public void awaitCaughtUp(Duration timeout) {
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the revocations topic has not been read yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void markCaughtUp() {
        caughtUp.countDown();
    }

    /** Applies one record of the topic (or a revocation this replica published itself); applying it twice is harmless. */
    public void apply(Revocation revocation) {
        switch (revocation.subject()) {
            case DEVICE -> {
                devices.add(revocation.id());
                revoked.fire(new TokensRevoked(null, revocation.id()));
            }
            case USER -> {
                long user = Long.parseLong(revocation.id());
                switch (revocation.state()) {
                    case ACTIVE -> disabledUsers.remove(user);
                    case REVOKED -> {
                        disabledUsers.add(user);
                        revoked.fire(new TokensRevoked(user, null));
                    }
                    case ERASED -> {
                        // Marked before the observers run, so a consumer that checks afterwards skips the user.
                        erasedUsers.add(user);
                        revoked.fire(new TokensRevoked(user, null));
                        try {
                            erased.fire(new AccountErased(user));
                        } catch (RuntimeException e) {
                            LOG.errorf(e, "Erasing the rows of user %d failed; it is tried again at the next start", user);
                        }
                    }
                }
            }
        }
    }

    private static Long userId(String subject) {
        try {
            return subject == null ? null : Long.valueOf(subject);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
