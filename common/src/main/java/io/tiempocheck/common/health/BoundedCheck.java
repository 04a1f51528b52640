package io.tiempocheck.common.health;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs a readiness check that talks to a dependency on a thread of its own and answers DOWN when it has not
 * finished in time: a database that stopped answering without closing its connections holds a JDBC call
 * forever. While one call is still stuck no other is started, so probes every few seconds pile up nothing.
 * Asynchronous, so the probe waits for it alongside the other checks rather than after them.
 */
public final class BoundedCheck {

    private final String name;
    private final Duration timeout;
    private final ExecutorService thread;
    private CompletableFuture<HealthCheckResponse> running;

    public BoundedCheck(String name, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
        this.thread = Executors.newSingleThreadExecutor(new ThreadFactoryBuilder().setNameFormat("readiness-" + name).setDaemon(true).build());
    }

    public synchronized Uni<HealthCheckResponse> call(Supplier<HealthCheckResponse> check) {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(check, thread);
        }
        // A copy: the probe giving up must not cancel the call still under way, which the next probe waits for.
        return within(name, timeout, Uni.createFrom().completionStage(running.copy()));
    }

    /** The check's answer, or DOWN with the reason when it fails or does not come within {@code timeout}. */
    static Uni<HealthCheckResponse> within(String name, Duration timeout, Uni<HealthCheckResponse> check) {
        return check.ifNoItem().after(timeout).recoverWithItem(() -> down(name, "no answer within " + timeout.toMillis() + " ms"))
                .onFailure().recoverWithItem(error -> down(name, error.toString()));
    }

    static HealthCheckResponse down(String name, String reason) {
        return HealthCheckResponse.named(name).down().withData("motivo", reason).build();
    }

    public void close() {
        thread.shutdownNow();
    }
}
