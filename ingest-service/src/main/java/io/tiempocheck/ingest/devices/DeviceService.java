package io.tiempocheck.ingest.devices;

import io.tiempocheck.common.security.Revocation;
import io.tiempocheck.ingest.accounts.RefusedException;
import io.tiempocheck.ingest.model.Device;
import io.tiempocheck.ingest.model.User;
import io.tiempocheck.ingest.revocations.RevocationPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeviceService {

    private final DeviceTokens tokens;
    private final RevocationPublisher revocations;
    private final DevicesConfig config;
    private final Clock clock;

    public DeviceService(DeviceTokens tokens, RevocationPublisher revocations, DevicesConfig config, Clock clock) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.config = config;
        this.clock = clock;
    }

    public record NewDevice(String deviceId, String name, Instant createdAt, String token) {
    }

    @Transactional
    public NewDevice create(long userId, String name) {
        User user = User.findById(userId);
        if (user == null) {
            throw new RefusedException(404, null, "la cuenta no existe");
        }
        if (active(userId).size() >= config.maxPerAccount()) {
            throw new RefusedException(409, null, "como máximo " + config.maxPerAccount() + " dispositivos; revoca alguno antes");
        }
        Device device = new Device();
        device.id = UUID.randomUUID().toString();
        device.userId = userId;
        device.name = name;
        device.persistAndFlush();
        // creado_en is the database's clock (its column default), as the device list shows it later.
        Device.getEntityManager().refresh(device);
        return new NewDevice(device.id, name, device.createdAt, tokens.issue(user, device.id));
    }

    public List<Device> active(long userId) {
        return Device.list("userId = ?1 and revokedAt is null order by createdAt", userId);
    }

    public long activeCount(long userId) {
        return Device.count("userId = ?1 and revokedAt is null", userId);
    }

    /**
     * Revokes the device's token everywhere. The revocation is on the topic before the row says so
     * (a failure in between leaves a revoked device listed as active, and revoking it again is harmless).
     */
    @Transactional
    public void revoke(long userId, String deviceId) {
        Device device = Device.findById(deviceId);
        if (device == null || device.userId != userId || device.revokedAt != null) {
            throw new RefusedException(404, "id", "no hay un dispositivo activo con ese id en tu cuenta");
        }
        revocations.publish(Revocation.device(deviceId));
        device.revokedAt = clock.instant();
    }
}
