package io.tiempocheck.ingest.rejections;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How ingest hands its rejection counts to features-service (tiempocheck.topics.ingest-rejections). */
@ConfigMapping(prefix = "tiempocheck.ingest.rejections")
public interface RejectionsConfig {

    /** Every how often the counts gathered since the last time are published (a Quarkus duration, or "off"). */
    @WithDefault("10s")
    String flushEvery();

    /**
     * The most (user, reason, hour) counts held between two publications: a flood of distinct users while the
     * broker is away cannot grow the heap past it; counts beyond it are only in the metric.
     */
    @WithDefault("10000")
    int maxPending();
}
