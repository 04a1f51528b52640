package io.tiempocheck.features.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tiempocheck.features")
public interface FeaturesConfig {

    Consumer consumer();

    Query query();

    Jobs jobs();

    Health health();

    interface Consumer {
        /** Attempts at writing one batch before the channel fails (and readiness goes DOWN); offsets stay uncommitted. */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /**
         * Committed batches whose feature updates the broker has not acknowledged yet (and which are so
         * not acknowledged themselves) at most; past it the consumer waits before publishing another.
         */
        @WithDefault("4")
        int maxUnacknowledgedBatches();

        /**
         * A new event starting this long before its reception is counted as old in entrada_anomalias (the
         * eventos_fuera_de_rango check): ingest accepts far older ones (an offline queue, an import), so it is a signal,
         * not a refusal.
         */
        @WithDefault("P30D")
        Duration oldEventAge();
    }

    interface Query {
        @WithDefault("5")
        int topDomains();

        @WithDefault("366")
        int maxRangeDays();
    }

    interface Jobs {
        /** Delay of each job's first tick after start-up (that tick catches up what was missed while down). */
        @WithDefault("5s")
        String firstRunDelay();

        /** Every how often features_horarias reconciles recently touched days (a Quarkus duration, or "off"). */
        @WithDefault("10m")
        String hourlyEvery();

        /** How far back features_horarias looks for touched days; widened to the last successful run after downtime. */
        @WithDefault("PT2H")
        Duration hourlyLookback();

        /** The widest lookback after a long downtime; older days are left to features_catchup. */
        @WithDefault("P7D")
        Duration hourlyMaxLookback();

        /** Every how often features_diarias looks for days to close. */
        @WithDefault("5m")
        String dailyEvery();

        /** A day is closed this long after its local midnight (the seed's 00:05). */
        @WithDefault("PT5M")
        Duration dailyCloseAfter();

        @WithDefault("6h")
        String catchupEvery();

        /** How many days back features_catchup checks. */
        @WithDefault("31")
        int catchupWindowDays();

        /** Users rebuilt per transaction when rebuilding all users: bounds how long the consumer waits on their days. */
        @WithDefault("10")
        int rebuildUsersPerChunk();

        /**
         * Days of one user that one statement of a rebuild regroups from registro. Keeps the GROUP BY within
         * MariaDB's in-memory temporary table (16 MiB by default: about 15,000 hourly rows with their domain,
         * a hundred days of a user with 150 hourly rows a day); past it the grouping goes to disk.
         */
        @WithDefault("31")
        int rebuildDaysPerStatement();

        /** Transaction timeout of one rebuild chunk. */
        @WithDefault("PT10M")
        Duration rebuildTimeout();

        /** User-days one QA read folds in memory: bounds its heap (about 12 KiB per user-day of 30 domains). */
        @WithDefault("1000")
        int qaUserDaysPerRead();
    }

    interface Health {
        /** Consumer lag (records) above which /features_health reports degraded. */
        @WithDefault("50000")
        long maxConsumerLag();

        /** Aggregate lag behind registro above which /features_health reports degraded. */
        @WithDefault("PT5M")
        Duration maxAggregateLag();

        /** Bound on the broker calls behind the consumer-lag figures. */
        @WithDefault("PT3S")
        Duration kafkaTimeout();
    }
}
