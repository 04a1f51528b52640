package io.tiempocheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** features-service's admin endpoints over HTTP; a refusal becomes an {@link ApiException} with the server's reason. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode get(String path, Map<String, Object> query) throws IOException, InterruptedException {
        return json(send(request(path, query).GET(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    JsonNode post(String path, Map<String, Object> query) throws IOException, InterruptedException {
        return json(send(request(path, query).POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofInputStream()));
    }

    JsonNode put(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, Map.of()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        return json(send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** A value as one path segment (a domain never holds a slash; the server refuses it if it does). */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Streams a download to a file; returns its size in bytes. */
    long download(String path, Map<String, Object> query, Path target) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = send(request(path, query).GET(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.size(target);
    }

    private HttpRequest.Builder request(String path, Map<String, Object> query) {
        Map<String, Object> present = new LinkedHashMap<>();
        query.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        String encoded = present.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(base.resolve(path + (encoded.isEmpty() ? "" : "?" + encoded)))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(30));
    }

    private HttpResponse<InputStream> send(HttpRequest.Builder request, HttpResponse.BodyHandler<InputStream> handler)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request.build(), handler);
        if (response.statusCode() >= 400) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            throw new ApiException(response.statusCode(), body);
        }
        return response;
    }

    private static JsonNode json(HttpResponse<InputStream> response) throws IOException {
        try (InputStream body = response.body()) {
            return JSON.readTree(body);
        }
    }

    static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    static final class ApiException extends IOException {
        ApiException(int status, String body) {
            super("HTTP " + status + ": " + body);
        }
    }
}
