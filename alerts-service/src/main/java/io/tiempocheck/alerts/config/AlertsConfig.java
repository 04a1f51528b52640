package io.tiempocheck.alerts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tiempocheck.alerts")
public interface AlertsConfig {

    Stream stream();

    Evaluation evaluation();

    interface Stream {
        /** Comment lines on every open stream at this interval, so proxies and load balancers keep it open. */
        @WithDefault("PT15S")
        Duration keepAlive();

        /**
         * Each replica looks for alerts raised within twice this interval and wakes its streams of those
         * users: the safety net under the Kafka fan-out (a notice lost to a broker hiccup arrives this late, not never).
         */
        @WithDefault("PT5S")
        Duration sweepInterval();

        /** Threads that read the alerts a stream has not sent yet. */
        @WithDefault("4")
        int senderThreads();

        /** The reconnection delay the stream asks EventSource clients to wait. */
        @WithDefault("PT3S")
        Duration clientRetry();
    }

    interface Evaluation {
        @WithDefault("80")
        int defaultWarningPercent();

        /** Attempts at evaluating one feature update before the channel fails (readiness DOWN); its offset stays uncommitted. */
        @WithDefault("6")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT5S")
        Duration maxBackoff();
    }
}
