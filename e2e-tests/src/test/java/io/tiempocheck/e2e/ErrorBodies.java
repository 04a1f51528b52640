package io.tiempocheck.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;

/** What every refusal of every service must carry: a JSON object with a reason and, where there is one, the field. */
final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {
    }

    /** Null if the answer is not a 5xx and any 4xx carries the error body; otherwise what is wrong with it. */
    static String problem(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            return status + " with Content-Type '" + type + "'";
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject() || !body.path("motivo").isTextual() || body.path("motivo").asText().isBlank()) {
                return status + " without a motivo: " + new String(response.body());
            }
            if (body.has("campo") && !body.get("campo").isTextual()) {
                return status + " with a campo that is not text: " + body;
            }
            return null;
        } catch (IOException e) {
            return status + " with a body that is not JSON: " + new String(response.body());
        }
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(response.body()), e);
        }
    }
}
