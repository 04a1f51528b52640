package io.tiempocheck.common.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.ZoneId;

/** The user behind the request's device token: its id (the JWT subject), device and time zone. */
@RequestScoped
public class CurrentUser {

    public static final String USER_ROLE = "user";
    public static final String DEVICE_CLAIM = "device_id";
    public static final String TIME_ZONE_CLAIM = "tz";

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public long id() {
        return Long.parseLong(token.getSubject());
    }

    public String deviceId() {
        return token.getClaim(DEVICE_CLAIM);
    }

    public ZoneId zone() {
        String zone = token.getClaim(TIME_ZONE_CLAIM);
        return ZoneId.of(zone);
    }
}
