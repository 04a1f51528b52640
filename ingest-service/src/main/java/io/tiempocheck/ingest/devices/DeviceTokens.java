package io.tiempocheck.ingest.devices;

import io.smallrye.jwt.build.Jwt;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.ingest.config.IngestConfig;
import io.tiempocheck.ingest.model.User;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The long-lived token a browser's extension sends; its device id is what revoking the device refuses. */
@ApplicationScoped
public class DeviceTokens {

    private final IngestConfig config;

    public DeviceTokens(IngestConfig config) {
        this.config = config;
    }

    public String issue(User user, String deviceId) {
        return Jwt.subject(Long.toString(user.id))
                .upn(user.login != null ? user.login : user.name)
                .groups(Set.of(CurrentUser.USER_ROLE))
                .claim(CurrentUser.DEVICE_CLAIM, deviceId)
                .claim(CurrentUser.TIME_ZONE_CLAIM, user.timeZone)
                .expiresIn(config.tokenValidity())
                .sign();
    }
}
