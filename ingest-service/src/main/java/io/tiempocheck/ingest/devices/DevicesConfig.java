package io.tiempocheck.ingest.devices;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "tiempocheck.dispositivos")
public interface DevicesConfig {

    /** Most devices an account may hold at once (revoked ones do not count). */
    @WithDefault("50")
    int maxPerAccount();

    /** How often the devices' "last seen" times are written: each device at most once per interval. Read by DeviceActivity's schedule. */
    @WithName("visto-cada")
    @WithDefault("60s")
    String lastSeenEvery();
}
