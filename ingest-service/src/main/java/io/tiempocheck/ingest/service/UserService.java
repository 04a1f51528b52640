package io.tiempocheck.ingest.service;

import io.smallrye.jwt.build.Jwt;
import io.tiempocheck.common.security.CurrentUser;
import io.tiempocheck.ingest.config.IngestConfig;
import io.tiempocheck.ingest.model.Device;
import io.tiempocheck.ingest.model.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class UserService {

    private final IngestConfig config;

    public UserService(IngestConfig config) {
        this.config = config;
    }

    public record Enrollment(long userId, String deviceId, ZoneId timeZone, String token) {
    }

    /** Creates a user with its first device and returns the device token the extension will send. */
    @Transactional
    public Enrollment createUser(String name, ZoneId timeZone) {
        User user = new User();
        user.name = name;
        user.timeZone = timeZone.getId();
        user.persist();
        Device device = new Device();
        device.id = UUID.randomUUID().toString();
        device.userId = user.id;
        device.persist();
        return new Enrollment(user.id, device.id, timeZone, deviceToken(user, device.id));
    }

    private String deviceToken(User user, String deviceId) {
        return Jwt.subject(Long.toString(user.id))
                .upn(user.name)
                .groups(Set.of(CurrentUser.USER_ROLE))
                .claim(CurrentUser.DEVICE_CLAIM, deviceId)
                .claim(CurrentUser.TIME_ZONE_CLAIM, user.timeZone)
                .expiresIn(config.tokenValidity())
                .sign();
    }
}
