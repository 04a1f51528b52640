package io.tiempocheck.ingest.accounts;

import java.util.OptionalLong;

/**
 * A request about accounts, sessions or devices that is refused with a status other than 400
 * (401, 403, 404, 409, 429), answered as {@code {"campo", "motivo"}}; 429 also carries Retry-After.
 */
public class RefusedException extends RuntimeException {

    private final int status;
    private final String field;
    private final OptionalLong retryAfterSeconds;

    public RefusedException(int status, String field, String reason) {
        this(status, field, reason, OptionalLong.empty());
    }

    private RefusedException(int status, String field, String reason, OptionalLong retryAfterSeconds) {
        super(reason, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static RefusedException tooManyAttempts(String reason, long retryAfterSeconds) {
        return new RefusedException(429, null, reason, OptionalLong.of(retryAfterSeconds));
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
