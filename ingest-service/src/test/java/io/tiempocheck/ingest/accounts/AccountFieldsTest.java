package io.tiempocheck.ingest.accounts;

import io.tiempocheck.common.rest.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccountFieldsTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    @Test
    void aLoginIsStoredInLowerCaseAndLimitedToSafeCharacters() {
        assertEquals("ana.maria_77", AccountFields.login("usuario", "  Ana.Maria_77 "));
        refused("usuario", () -> AccountFields.login("usuario", null));
        refused("usuario", () -> AccountFields.login("usuario", "ab"));
        refused("usuario", () -> AccountFields.login("usuario", "ana maria"));
        refused("usuario", () -> AccountFields.login("usuario", "añá"));
        refused("usuario", () -> AccountFields.login("usuario", "a".repeat(65)));
    }

    @Test
    void aNewPasswordHasTenCharactersAndFitsInBcrypt() {
        assertEquals("diez-chars", AccountFields.newPassword("contrasena", "diez-chars"));
        // Characters, not bytes: ten accented letters are ten characters.
        assertEquals("ááááááááá1", AccountFields.newPassword("contrasena", "ááááááááá1"));
        refused("contrasena", () -> AccountFields.newPassword("contrasena", "nueve-chr"));
        refused("contrasena", () -> AccountFields.newPassword("contrasena", null));
        // bcrypt ignores what is past 72 bytes: 37 two-byte letters are 74.
        refused("contrasena", () -> AccountFields.newPassword("contrasena", "á".repeat(37)));
    }

    @Test
    void aZoneIsAnIanaIdOrTheDefault() {
        assertEquals(MEXICO, AccountFields.zone("tz", null, MEXICO));
        assertEquals(MEXICO, AccountFields.zone("tz", " ", MEXICO));
        assertEquals(ZoneId.of("Europe/Madrid"), AccountFields.zone("tz", "Europe/Madrid", MEXICO));
        refused("tz", () -> AccountFields.zone("tz", "Mars/Olympus_Mons", MEXICO));
        refused("tz", () -> AccountFields.zone("tz", "+05:00", MEXICO));
        refused("tz", () -> AccountFields.zone("tz", "UTC+5", MEXICO));
    }

    @Test
    void aNameIsTrimmedAndAtMostAHundredCharacters() {
        assertEquals("Ana", AccountFields.name("nombre", "  Ana "));
        refused("nombre", () -> AccountFields.name("nombre", "   "));
        refused("nombre", () -> AccountFields.name("nombre", "a".repeat(101)));
    }

    private static void refused(String field, Runnable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call::run);
        assertEquals(field, e.field());
    }
}
