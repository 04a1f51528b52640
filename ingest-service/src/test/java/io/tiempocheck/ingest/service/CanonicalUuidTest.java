package io.tiempocheck.ingest.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CanonicalUuidTest {

    /** Random ids and near misses of them: the same answer as the fromString-and-write-back check it replaces. */
    @Test
    void acceptsWhatFromStringWroteBackAndNothingElse() {
        Random random = new Random(2);
        String alphabet = "0123456789abcdefABCDEFgG-xX ０１Ａａ\u0660";
        List<String> fixed = List.of("", "-", "----", "1-1-1-1-1", "00000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "+0000000-0000-0000-0000-000000000000",
                "0000000-00000-0000-0000-000000000000", "00000000-0000-0000-0000-0000000000000", "0x000000-0000-0000-0000-000000000000",
                "00000000-0000-0000-0000-00000000000０", "00000000-0000-0000-0000-0000000000-1");
        for (String text : fixed) {
            assertSameAnswer(text);
        }
        for (int i = 0; i < 200_000; i++) {
            char[] text = UUID.randomUUID().toString().toCharArray();
            if (random.nextBoolean()) {
                text = String.valueOf(text).toUpperCase().toCharArray();
            }
            for (int changes = random.nextInt(3); changes > 0; changes--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = String.valueOf(text);
            assertSameAnswer(random.nextInt(20) == 0 ? candidate.substring(random.nextInt(36)) : candidate);
        }
    }

    private static void assertSameAnswer(String text) {
        assertEquals(byWritingBack(text), CanonicalUuid.parse(text), text);
    }

    private static UUID byWritingBack(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
