package io.tiempocheck.ingest.service;

import java.util.UUID;

/**
 * Reads the canonical text of a UUID, 8-4-4-4-12 ASCII hex digits in either case, and nothing else:
 * exactly the texts that {@code UUID.fromString} reads and {@code toString} writes back equal ignoring
 * case, which is how event ids were checked, without the parse, the text written back and the
 * comparison (a twentieth of ingest's CPU).
 */
final class CanonicalUuid {

    private CanonicalUuid() {
    }

    /** The UUID, or null when the text is not canonical. */
    static UUID parse(String text) {
        if (text.length() != 36) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                return null;
            }
            if (i < 18) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        return new UUID(high, low);
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
