package io.tiempocheck.common.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParamsTest {

    @Test
    void topIsAWholeNumberInItsBounds() {
        assertEquals(10, QueryParams.top(null, 10, 500));
        assertEquals(1, QueryParams.top("1", 10, 500));
        assertEquals(500, QueryParams.top("500", 10, 500));
        for (String bad : new String[] {"0", "501", "-3", "diez", "1.5", ""}) {
            assertRefused("top", () -> QueryParams.top(bad, 10, 500));
        }
    }

    @Test
    void aCountNamesItsOwnParameter() {
        assertEquals(7, QueryParams.count("dias", null, 7, 14));
        assertEquals(14, QueryParams.count("dias", "14", 7, 14));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QueryParams.count("dias", "15", 7, 14));
        assertEquals("dias", e.field());
        assertEquals("debe ser un número entero entre 1 y 14", e.getMessage());
    }

    @Test
    void aFlagIsTrueOrFalse() {
        assertEquals(true, QueryParams.flag("dominios", null, true));
        assertEquals(false, QueryParams.flag("dominios", "false", true));
        assertRefused("dominios", () -> QueryParams.flag("dominios", "no", true));
    }

    @Test
    void aUserIdIsAWholeNumber() {
        assertEquals(null, QueryParams.userId(null));
        assertEquals(42L, QueryParams.userId("42"));
        assertRefused("usuario_id", () -> QueryParams.userId("cuarenta"));
    }

    private static void assertRefused(String field, Runnable call) {
        assertEquals(field, assertThrows(InvalidInputException.class, call::run).field());
    }
}
