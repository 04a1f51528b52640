package io.tiempocheck.common.testing;

import io.tiempocheck.common.security.CurrentUser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Device tokens as ingest-service issues them (RS256, issuer, subject = user id, the user role, the
 * device and zone claims), signed with the test key pair every service's tests verify against:
 * {@code jwt/private.pem} and {@code jwt/public.pem} beside this class, the only copy in the repository.
 */
public final class TestTokens {

    public static final String ISSUER = "https://tiempocheck.io";
    public static final String ZONE = "America/Mexico_City";
    private static final PrivateKey KEY = privateKey();

    private TestTokens() {
    }

    /** A valid device token of this user, for the {@code Authorization: Bearer} header. */
    public static String device(long userId) {
        return device(userId, "test-device-" + userId, ZONE);
    }

    public static String device(long userId, String deviceId, String zone) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + userId + "\",\"groups\":[\"" + CurrentUser.USER_ROLE
                + "\"],\"" + CurrentUser.DEVICE_CLAIM + "\":\"" + deviceId + "\",\"" + CurrentUser.TIME_ZONE_CLAIM + "\":\""
                + zone + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        return sign(claims);
    }

    /** A token signed with another key: well formed, but not issued by ingest-service (401). */
    public static String foreign(long userId) {
        String token = device(userId);
        return token.substring(0, token.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("not the signature".getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String content = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEY);
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + base64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try (InputStream pem = TestTokens.class.getClassLoader().getResourceAsStream("jwt/private.pem")) {
            if (pem == null) {
                throw new IllegalStateException("jwt/private.pem is not on the test class path");
            }
            String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
