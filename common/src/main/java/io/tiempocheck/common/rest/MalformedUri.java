package io.tiempocheck.common.rest;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The check Quarkus makes of a request's URI ({@code new URI(uri)}: no stray {@code %}, no
 * {@code %zz}, no character a URI cannot hold), with the query parameter at fault named as the
 * field so that {@code ?rango=%zz} answers like any other invalid {@code rango}.
 */
final class MalformedUri {

    private MalformedUri() {
    }

    static Optional<InvalidInputException> find(String uri) {
        if (parses(uri)) {
            return Optional.empty();
        }
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        if (!parses(path)) {
            return Optional.of(new InvalidInputException("ruta",
                    "la ruta no es una URL válida: cada % debe ir seguido de dos cifras hexadecimales y los demás caracteres especiales, escapados"));
        }
        for (String parameter : uri.substring(question + 1).split("&")) {
            if (!parses("/?" + parameter)) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String field = parses("/?" + name) ? QueryStringDecoder.decodeComponent(name) : null;
                return Optional.of(new InvalidInputException(field == null || field.isBlank() ? null : field,
                        "el parámetro no es válido en una URL: cada % debe ir seguido de dos cifras hexadecimales y los demás caracteres especiales, escapados"));
            }
        }
        // The query as a whole (a '#' in it, say) though no one parameter is at fault.
        return Optional.of(new InvalidInputException(null, "la URL no es válida"));
    }

    private static boolean parses(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
