package io.tiempocheck.common.security;

import java.util.Optional;

/**
 * One record of the compacted topic {@code tiempocheck.token-revocations.v1}: the key names what it is
 * about ({@code dispositivo:<device_id>} or {@code usuario:<usuario_id>}), the value its state
 * ({@code revocado}, {@code activo}, {@code borrado}). Compaction keeps the latest state of each key
 * forever, so a service that reads the topic from the beginning knows every revocation ever made.
 * Never a null value: a tombstone would let compaction forget a revocation.
 */
public record Revocation(Subject subject, String id, State state) {

    public enum Subject {
        DEVICE("dispositivo"), USER("usuario");

        final String wire;

        Subject(String wire) {
            this.wire = wire;
        }
    }

    public enum State {
        /** A device's token, or every token of a disabled account, is refused. */
        REVOKED("revocado"),
        /** A disabled account enabled again. */
        ACTIVE("activo"),
        /** The account was erased: its tokens are refused and every service deletes its rows. */
        ERASED("borrado");

        final String wire;

        State(String wire) {
            this.wire = wire;
        }
    }

    public Revocation {
        if (state == State.ERASED && subject != Subject.USER) {
            throw new IllegalArgumentException("only an account is erased");
        }
    }

    public static Revocation device(String deviceId) {
        return new Revocation(Subject.DEVICE, deviceId, State.REVOKED);
    }

    public static Revocation user(long userId, State state) {
        return new Revocation(Subject.USER, Long.toString(userId), state);
    }

    public String key() {
        return subject.wire + ":" + id;
    }

    public String value() {
        return state.wire;
    }

    /** Empty for a record this version does not understand (a newer writer): skipped, not fatal. */
    public static Optional<Revocation> parse(String key, String value) {
        if (key == null || value == null) {
            return Optional.empty();
        }
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return Optional.empty();
        }
        String kind = key.substring(0, colon);
        String id = key.substring(colon + 1);
        for (Subject subject : Subject.values()) {
            if (!subject.wire.equals(kind)) {
                continue;
            }
            if (subject == Subject.USER && !id.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            for (State state : State.values()) {
                if (state.wire.equals(value) && !(state == State.ERASED && subject != Subject.USER)) {
                    return Optional.of(new Revocation(subject, id, state));
                }
            }
        }
        return Optional.empty();
    }
}
