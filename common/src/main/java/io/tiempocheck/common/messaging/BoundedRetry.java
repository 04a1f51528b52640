package io.tiempocheck.common.messaging;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * A consumer's retries of one unit of work: a bounded number of attempts with exponential backoff,
 * each retry logged and counted. Past the last attempt the failure propagates, so the record is
 * not acknowledged and comes back, rather than being skipped.
 */
public record BoundedRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    private static final Logger LOG = Logger.getLogger(BoundedRetry.class);

    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * @param what how the log names the work, e.g. "a batch of 200 events"
     * @param onRetry called before each retry (a metric's counter)
     */
    public <T> T run(String what, Runnable onRetry, Work<T> work) {
        return run(what, onRetry, e -> true, work);
    }

    /**
     * @param retryable which failures are worth another attempt; any other one propagates at once,
     *                  like the last attempt's
     */
    public <T> T run(String what, Runnable onRetry, Predicate<Exception> retryable, Work<T> work) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (Exception e) {
                if (!retryable.test(e)) {
                    LOG.warnf("%s failed, not retried: %s", what, e.toString());
                    throw new IllegalStateException(what + " failed", e);
                }
                if (attempt >= maxAttempts) {
                    LOG.errorf(e, "Giving up on %s after %d attempts; it will be redelivered", what, attempt);
                    throw new IllegalStateException("giving up on " + what, e);
                }
                onRetry.run();
                LOG.warnf("%s failed (attempt %d of %d), retrying in %s: %s", what, attempt, maxAttempts, backoff, e.toString());
                sleep(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
