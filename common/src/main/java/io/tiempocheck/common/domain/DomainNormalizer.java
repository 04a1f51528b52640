package io.tiempocheck.common.domain;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Folds whatever the extension sends as {@code dominio} (a host or a full URL) into the registrable
 * base domain of the Public Suffix List: {@code m.youtube.com} and {@code https://www.youtube.com/x}
 * become {@code youtube.com}, {@code news.bbc.co.uk} becomes {@code bbc.co.uk}. Internationalized
 * names are stored in their ASCII (punycode) form so that both spellings count as one site.
 */
public final class DomainNormalizer {

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");
    private static final int MAX_INPUT_LENGTH = 2048;
    private static final String ACE_PREFIX = "xn--";
    /** People visit few sites over and over; the Public Suffix List lookup is the costly part of ingest validation. */
    private static final Cache<String, String> KNOWN = CacheBuilder.newBuilder().maximumSize(50_000).build();

    private DomainNormalizer() {
    }

    public static String normalize(String raw) throws InvalidDomainException {
        String known = raw == null ? null : KNOWN.getIfPresent(raw);
        if (known != null) {
            return known;
        }
        String normalized = registrableDomain(raw);
        KNOWN.put(raw, normalized);
        return normalized;
    }

    private static String registrableDomain(String raw) throws InvalidDomainException {
        if (raw == null || raw.isBlank()) {
            throw new InvalidDomainException("vacío");
        }
        if (raw.length() > MAX_INPUT_LENGTH) {
            throw new InvalidDomainException("demasiado largo");
        }
        String host = hostOf(raw.strip());
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new InvalidDomainException("sin host");
        }
        if (InetAddresses.isUriInetAddress(host) || InetAddresses.isInetAddress(host)) {
            throw new InvalidDomainException("es una dirección IP, no un sitio público");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidDomainException("host con caracteres no válidos");
        }
        if (!punycodeDecodes(ascii)) {
            throw new InvalidDomainException("contiene una etiqueta xn-- que no es punycode válido");
        }
        if (ascii.equals("localhost") || ascii.endsWith(".localhost")) {
            throw new InvalidDomainException("localhost no es un sitio público");
        }
        if (!InternetDomainName.isValid(ascii)) {
            throw new InvalidDomainException("host no válido");
        }
        InternetDomainName name = InternetDomainName.from(ascii);
        if (!name.isUnderPublicSuffix()) {
            throw new InvalidDomainException("no pertenece a un dominio público registrable");
        }
        return name.topPrivateDomain().toString();
    }

    /**
     * IDN.toASCII passes an {@code xn--} label through without decoding it, and toUnicode hands back
     * what it cannot decode unchanged: a label is real punycode only if it decodes to something else
     * that encodes back to the same label.
     */
    private static boolean punycodeDecodes(String ascii) {
        for (String label : ascii.split("\\.")) {
            if (label.startsWith(ACE_PREFIX)) {
                String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
                if (unicode.equalsIgnoreCase(label)) {
                    return false;
                }
                try {
                    if (!IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).equalsIgnoreCase(label)) {
                        return false;
                    }
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String hostOf(String value) throws InvalidDomainException {
        int schemeEnd = value.indexOf("://");
        if (schemeEnd < 0) {
            if (value.regionMatches(true, 0, "chrome:", 0, 7) || value.regionMatches(true, 0, "about:", 0, 6)) {
                throw new InvalidDomainException("esquema no soportado: solo http y https");
            }
            // A bare host, possibly with a port or path the extension should not have sent.
            return hostOf("http://" + value);
        }
        String scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!WEB_SCHEMES.contains(scheme)) {
            throw new InvalidDomainException("esquema no soportado: solo http y https");
        }
        try {
            URI uri = new URI(scheme + value.substring(schemeEnd));
            String host = uri.getHost();
            if (host == null) {
                // java.net.URI refuses hosts with characters outside RFC 2396 (for example non-ASCII); its raw authority still has them.
                String authority = uri.getRawAuthority();
                if (authority == null) {
                    throw new InvalidDomainException("sin host");
                }
                host = authority.replaceFirst("^.*@", "").replaceFirst(":\\d*$", "");
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                throw new InvalidDomainException("es una dirección IP, no un sitio público");
            }
            return host;
        } catch (URISyntaxException e) {
            throw new InvalidDomainException("URL mal formada");
        }
    }
}
