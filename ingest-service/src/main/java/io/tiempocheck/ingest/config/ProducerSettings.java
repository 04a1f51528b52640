package io.tiempocheck.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/** Kafka producer properties of ingest (acks, linger.ms, ...), on top of the shared kafka.* connection settings. */
@ConfigMapping(prefix = "tiempocheck.producer")
public interface ProducerSettings {

    @WithParentName
    Map<String, String> properties();
}
