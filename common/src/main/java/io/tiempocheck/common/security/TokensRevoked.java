package io.tiempocheck.common.security;

/**
 * Fired (CDI) when a device's token or all of an account's tokens stop being accepted, for what holds a
 * connection authenticated earlier (alerts' open SSE streams). One of the two is set.
 */
public record TokensRevoked(Long userId, String deviceId) {

    public boolean covers(long streamUserId, String streamDeviceId) {
        return (userId != null && userId == streamUserId) || (deviceId != null && deviceId.equals(streamDeviceId));
    }
}
