package io.tiempocheck.ingest.accounts;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Passwords are kept only as salted bcrypt hashes (Elytron's implementation, the one Quarkus ships).
 * A check against a name that has no account still costs one bcrypt verification, so the time of
 * the answer does not tell which names exist.
 */
@ApplicationScoped
public class Passwords {

    private static final int COST = 10;
    private final String decoy = BcryptUtil.bcryptHash("tiempocheck-decoy-password", COST);

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** @param hash null for a name without an account or password: always false, after the same work. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            BcryptUtil.matches(password, decoy);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }
}
