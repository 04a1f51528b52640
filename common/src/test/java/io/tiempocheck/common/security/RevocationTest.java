package io.tiempocheck.common.security;

import io.tiempocheck.common.security.Revocation.State;
import io.tiempocheck.common.security.Revocation.Subject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationTest {

    @Test
    void aRecordReadsBackAsItWasWritten() {
        for (Revocation revocation : new Revocation[] {Revocation.device("5f0c5a7e-1111-4a4a-8888-0123456789ab"),
                Revocation.user(42, State.REVOKED), Revocation.user(42, State.ACTIVE), Revocation.user(7, State.ERASED)}) {
            assertEquals(Optional.of(revocation), Revocation.parse(revocation.key(), revocation.value()));
        }
        assertEquals("usuario:7", Revocation.user(7, State.ERASED).key());
        assertEquals("borrado", Revocation.user(7, State.ERASED).value());
        assertEquals("dispositivo:abc", Revocation.device("abc").key());
        assertEquals("revocado", Revocation.device("abc").value());
    }

    @Test
    void whatThisVersionDoesNotUnderstandIsSkippedNotFatal() {
        assertTrue(Revocation.parse("sesion:1", "revocado").isEmpty());
        assertTrue(Revocation.parse("usuario:abc", "revocado").isEmpty());
        assertTrue(Revocation.parse("usuario:", "revocado").isEmpty());
        assertTrue(Revocation.parse("usuario:1", "pausado").isEmpty());
        assertTrue(Revocation.parse("dispositivo:x", "borrado").isEmpty());
        assertTrue(Revocation.parse("usuario:1", null).isEmpty());
        assertTrue(Revocation.parse(null, "revocado").isEmpty());
    }

    @Test
    void onlyAnAccountIsErased() {
        assertThrows(IllegalArgumentException.class, () -> new Revocation(Subject.DEVICE, "x", State.ERASED));
    }

    @Test
    void aRevocationCoversTheStreamsOfItsDeviceOrOfItsWholeAccount() {
        assertTrue(new TokensRevoked(null, "d1").covers(1, "d1"));
        assertFalse(new TokensRevoked(null, "d1").covers(1, "d2"));
        assertFalse(new TokensRevoked(null, "d1").covers(1, null));
        assertTrue(new TokensRevoked(1L, null).covers(1, "d2"));
        assertTrue(new TokensRevoked(1L, null).covers(1, null));
        assertFalse(new TokensRevoked(1L, null).covers(2, "d1"));
    }
}
