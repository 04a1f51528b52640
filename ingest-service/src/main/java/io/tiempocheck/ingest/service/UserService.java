package io.tiempocheck.ingest.service;

import io.tiempocheck.ingest.devices.DeviceTokens;
import io.tiempocheck.ingest.model.Device;
import io.tiempocheck.ingest.model.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.util.UUID;

@ApplicationScoped
public class UserService {

    private final DeviceTokens tokens;

    public UserService(DeviceTokens tokens) {
        this.tokens = tokens;
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
        return new Enrollment(user.id, device.id, timeZone, tokens.issue(user, device.id));
    }
}
