package io.tiempocheck.suggestions.policy;

import io.tiempocheck.common.rest.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolicyValidatorTest {

    private static PolicyRequest request(Integer window, String base, String limit, Map<String, Long> caps) {
        return new PolicyRequest(null, window, base, limit == null ? null : new BigDecimal(limit), null, null, caps);
    }

    @Test
    void anEmptyRequestIsTheDefaults() {
        assertEquals(Policy.defaults(), PolicyValidator.validate(request(null, null, null, null), ""));
    }

    @Test
    void sentFieldsReplaceTheDefaultsAndCapsMergeOverThem() {
        Map<String, Long> caps = new HashMap<>();
        caps.put("Redes Sociales", 3600L);
        caps.put("Entretenimiento", null);
        caps.put("Información", 1800L);
        Policy policy = PolicyValidator.validate(request(14, "mediana", "0.8", caps), "");
        assertEquals(14, policy.windowDays());
        assertEquals(BaseStatistic.MEDIANA, policy.base());
        assertEquals(new BigDecimal("0.80"), policy.limitMultiplier());
        assertEquals(3600L, policy.capFor("Redes Sociales"));
        assertFalse(policy.caps().containsKey("Entretenimiento"));
        assertEquals(1800L, policy.capFor("Información"));
        assertEquals(4 * 3600L, policy.capFor("Comercio"));
    }

    @Test
    void eachBadFieldIsNamedWithItsReason() {
        assertRefused(request(6, null, null, null), "ventana_dias", "debe estar entre 7 y 56 días");
        assertRefused(request(57, null, null, null), "ventana_dias", "debe estar entre 7 y 56 días");
        assertRefused(request(null, "moda", null, null), "base", "debe ser media, mediana o p75");
        assertRefused(request(null, null, "0.05", null), "multiplicador_limite", "debe estar entre 0,10 y 3,00");
        assertRefused(request(null, null, "0.9001", null), "multiplicador_limite", "admite a lo sumo 3 decimales");
        assertRefused(request(null, null, null, Map.of("Ocio", 59L)), "topes.Ocio", "el tope debe estar entre 60 y 86400 segundos");
        assertRefused(request(null, null, null, Map.of(" ", 600L)), "topes. ", "el nombre de la categoría debe tener de 1 a 64 caracteres");
    }

    @Test
    void theFieldIsPrefixedWithThePolicysPlaceInItsRequest() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PolicyValidator.validate(request(3, null, null, null), "politicas[1]."));
        assertEquals("politicas[1].ventana_dias", e.field());
    }

    private static void assertRefused(PolicyRequest request, String field, String reason) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyValidator.validate(request, ""));
        assertEquals(field, e.field());
        assertEquals(reason, e.getMessage());
    }
}
