package io.tiempocheck.common.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MalformedUriTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/uso/categorias?rango=7d", "/api/v1/uso/diario?desde=2026-12-01&hasta=2026-12-02",
            "/api/v1/x?dominio=a%C3%B1o.com", "/api/v1/%FF", "/", "/q/health/ready"})
    void takesWhatQuarkusWouldTake(String uri) {
        assertTrue(MalformedUri.find(uri).isEmpty(), uri);
    }

    @Test
    void namesTheQueryParameterAtFault() {
        assertEquals("rango", MalformedUri.find("/api/v1/uso/categorias?rango=%zz").orElseThrow().field());
        assertEquals("hasta", MalformedUri.find("/api/v1/uso/diario?desde=2026-12-01&hasta=%").orElseThrow().field());
        assertEquals("dia", MalformedUri.find("/features_qa?dia=2026-12-01%2").orElseThrow().field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/%", "/api/v1/%zz", "/api/v1/a b", "/api/v1/%zz?rango=7d"})
    void refusesAMalformedPathAsTheRoute(String uri) {
        assertEquals("ruta", MalformedUri.find(uri).orElseThrow().field());
    }

    @Test
    void aParameterWithAMalformedNameHasNoField() {
        assertNull(MalformedUri.find("/api/v1/x?%zz=1").orElseThrow().field());
    }
}
