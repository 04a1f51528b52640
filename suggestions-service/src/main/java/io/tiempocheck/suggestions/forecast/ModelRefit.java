package io.tiempocheck.suggestions.forecast;

import io.quarkus.scheduler.Scheduled;
import io.tiempocheck.suggestions.store.FeatureStoreReader;
import io.tiempocheck.suggestions.store.UsageHistory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The nightly refit: every method backtested on every user's series, figures recorded per run.
 * At most one run at a time across replicas (the named lock); a replica that finds it taken skips.
 * Days are UTC days here: a run looks at whole weeks of history, a few hours of zone offset at its
 * edge do not change which method wins.
 */
@ApplicationScoped
public class ModelRefit {

    private static final Logger LOG = Logger.getLogger(ModelRefit.class);

    private final FeatureStoreReader store;
    private final RefitRuns runs;
    private final RefitLock lock;
    private final ForecastConfig config;
    private final Clock clock;
    private final String instance;

    public ModelRefit(FeatureStoreReader store, RefitRuns runs, RefitLock lock, ForecastConfig config, Clock clock,
            @ConfigProperty(name = "quarkus.uuid") String instance) {
        this.store = store;
        this.runs = runs;
        this.lock = lock;
        this.config = config;
        this.clock = clock;
        this.instance = instance;
    }

    @Scheduled(identity = "modelos_reentreno", cron = "${tiempocheck.suggestions.refit.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() throws SQLException {
        run("programado", Arrays.asList(Method.values()));
    }

    /** The recorded run of the given methods, or empty when another run holds the lock. */
    public Optional<RefitRun> run(String trigger, List<Method> methods) throws SQLException {
        Optional<RefitLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            LOG.info("Model refit skipped: another run holds the lock");
            return Optional.empty();
        }
        try (RefitLock.Held ignored = held.get()) {
            long id = runs.start(instance, trigger, Instant.now(clock));
            try {
                LocalDate last = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
                LocalDate first = last.minusDays(config.historyDays() - 1);
                BacktestSummary summary = new BacktestSummary(methods);
                List<Long> users = store.usersWithData(first, last);
                for (long user : users) {
                    UsageHistory history = store.history(user, first, last);
                    Dataset.series(history, last).values().forEach(summary::add);
                }
                runs.finish(id, Instant.now(clock), users.size(), summary);
            } catch (SQLException | RuntimeException e) {
                runs.fail(id, Instant.now(clock), String.valueOf(e));
                throw e;
            }
            return runs.get(id);
        }
    }
}
