package io.tiempocheck.common.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DomainNormalizerTest {

    @ParameterizedTest
    @CsvSource({
            "www.youtube.com, youtube.com",
            "m.youtube.com, youtube.com",
            "YouTube.COM, youtube.com",
            "https://www.youtube.com/watch?v=1, youtube.com",
            "http://user:pw@docs.google.com:8080/a, google.com",
            "bbc.co.uk, bbc.co.uk",
            "news.bbc.co.uk, bbc.co.uk",
            "www.amazon.com.mx, amazon.com.mx",
            "example.com., example.com",
            "münchen.de, xn--mnchen-3ya.de",
            "https://www.münchen.de/rathaus, xn--mnchen-3ya.de",
            "xn--mnchen-3ya.de, xn--mnchen-3ya.de",
            "user.github.io, user.github.io",
    })
    void foldsToTheRegistrableDomain(String raw, String expected) throws InvalidDomainException {
        assertEquals(expected, DomainNormalizer.normalize(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1 | es una dirección IP, no un sitio público",
            "http://192.168.0.1/admin | es una dirección IP, no un sitio público",
            "http://[::1]:8080/ | es una dirección IP, no un sitio público",
            "localhost | localhost no es un sitio público",
            "http://localhost:3000 | localhost no es un sitio público",
            "chrome://extensions | esquema no soportado: solo http y https",
            "file:///etc/passwd | esquema no soportado: solo http y https",
            "about:blank | esquema no soportado: solo http y https",
            "co.uk | no pertenece a un dominio público registrable",
            "intranet | no pertenece a un dominio público registrable",
            "exa mple.com | URL mal formada",
            "'   ' | vacío",
            "xn--zz.com | contiene una etiqueta xn-- que no es punycode válido",
            "www.xn--zz.co.uk | contiene una etiqueta xn-- que no es punycode válido",
            "https://xn--a.example.com/ | contiene una etiqueta xn-- que no es punycode válido",
    })
    void rejectsHostsThatAreNotPublicWebsites(String raw, String reason) {
        assertEquals(reason, assertThrows(InvalidDomainException.class, () -> DomainNormalizer.normalize(raw)).getMessage());
    }
}
