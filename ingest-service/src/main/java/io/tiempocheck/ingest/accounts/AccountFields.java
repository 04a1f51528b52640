package io.tiempocheck.ingest.accounts;

import io.tiempocheck.common.rest.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules of an account's fields, each failure naming the field and the reason in Spanish. */
public final class AccountFields {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes: a longer password would be silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._-]{3,64}");

    private AccountFields() {
    }

    /** The login name as stored: lower case, so "Ana" and "ana" are one account. */
    public static String login(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "falta");
        }
        String login = value.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(login).matches()) {
            throw new InvalidInputException(field, "de 3 a 64 caracteres: letras, números, punto, guion o guion bajo");
        }
        return login;
    }

    public static String newPassword(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "falta");
        }
        if (value.codePointCount(0, value.length()) < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException(field, "al menos " + MIN_PASSWORD_LENGTH + " caracteres");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException(field, "como máximo " + MAX_PASSWORD_BYTES + " bytes");
        }
        return value;
    }

    /** A password presented to be checked: only its presence is validated. */
    public static String presentedPassword(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "falta");
        }
        return value;
    }

    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "falta");
        }
        String name = value.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(field, "como máximo " + MAX_NAME_LENGTH + " caracteres");
        }
        return name;
    }

    /** An IANA zone id ("America/Mexico_City"); fixed offsets and abbreviations are not zones. */
    public static ZoneId zone(String field, String value, ZoneId whenMissing) {
        if (value == null || value.isBlank()) {
            return whenMissing;
        }
        InvalidInputException unknown = new InvalidInputException(field, "zona horaria IANA desconocida: " + value);
        ZoneId zone;
        try {
            zone = ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw unknown;
        }
        if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
            throw unknown;
        }
        return zone;
    }
}
