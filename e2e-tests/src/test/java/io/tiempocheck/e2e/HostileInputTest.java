package io.tiempocheck.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile inputs of issue 12 that used to be read leniently, answer 500 or answer an empty
 * body: each is refused with its status and the JSON error body, naming the field where there is one.
 */
@ExtendWith(SharedSystem.class)
class HostileInputTest {

    private static final String JSON = "application/json";
    private static TiempoCheckSystem system;
    private static TiempoCheckSystem.User ana;

    @BeforeAll
    static void share(TiempoCheckSystem shared) {
        system = shared;
        ana = system.createUser("Ana", "America/Mexico_City");
    }

    @Test
    void ingestReadsBodiesAsWritten() {
        String events = system.ingest.baseUrl() + "/api/v1/eventos";
        String bearer = "Bearer " + ana.token();
        refused(RawHttp.send("POST", events, utf8("{\"eventos\": []} {\"eventos\": []}"), "Authorization", bearer, "Content-Type", JSON), 400, null);
        refused(RawHttp.send("POST", events, utf8("{\"eventos\": []}"), "Authorization", bearer), 415, "Content-Type");
        refused(RawHttp.send("POST", events, utf8("{\"eventos\": []}"), "Authorization", bearer, "Content-Type", JSON + "; charset=latin1"), 415, "Content-Type");
        refused(RawHttp.send("POST", events, "{\"eventos\": []}".getBytes(StandardCharsets.UTF_16), "Authorization", bearer,
                "Content-Type", JSON + "; charset=utf-16"), 415, "Content-Type");
        refused(RawHttp.send("POST", events, "{\"eventos\": []}".getBytes(StandardCharsets.UTF_16LE), "Authorization", bearer, "Content-Type", JSON), 400, null);
        refused(RawHttp.send("POST", events, invalidUtf8("{\"eventos\": [{\"dominio\": \"?.com\"}]}"), "Authorization", bearer, "Content-Type", JSON), 400, null);

        HttpResponse<byte[]> punycode = RawHttp.send("POST", events, utf8("{\"eventos\": [{\"event_id\": \"" + UUID.randomUUID()
                + "\", \"dominio\": \"xn--zz.com\", \"fecha_hora\": \"" + java.time.OffsetDateTime.now().minusHours(1).withNano(0)
                + "\", \"tiempo\": 30}]}"), "Authorization", bearer, "Content-Type", JSON);
        assertEquals(202, punycode.statusCode(), new String(punycode.body()));
        JsonNode answer = ErrorBodies.json(punycode);
        assertEquals(0, answer.get("aceptados").asInt(), answer.toString());
        assertEquals("dominio", answer.get("rechazados").get(0).get("campo").asText(), answer.toString());

        String users = system.ingest.baseUrl() + "/admin/api/usuarios";
        String admin = "Bearer " + TiempoCheckSystem.ADMIN_TOKEN;
        refused(RawHttp.send("POST", users, utf8("{\"nombre\": 42}"), "Authorization", admin, "Content-Type", JSON), 400, "nombre");
        refused(RawHttp.send("POST", users, utf8("{\"nombre\": \"Ana\\u0000Root\"}"), "Authorization", admin, "Content-Type", JSON), 400, "nombre");
        refused(RawHttp.send("POST", users, utf8("{\"nombre\": \"Ana\"} x"), "Authorization", admin, "Content-Type", JSON), 400, null);
    }

    @Test
    void featuresRefusesDaysNoUsageCanHave() {
        String features = system.features.baseUrl();
        String user = "Bearer " + ana.token();
        String admin = "Bearer " + TiempoCheckSystem.ADMIN_TOKEN;
        refused(RawHttp.send("GET", features + "/api/v1/uso/diario?hasta=-999999999-01-01", null, "Authorization", user), 400, "hasta");
        refused(RawHttp.send("GET", features + "/api/v1/uso/diario?hasta=%2B999999999-12-31", null, "Authorization", user), 400, "hasta");
        refused(RawHttp.send("GET", features + "/api/v1/uso/horario?dia=%2B999999999-12-31", null, "Authorization", user), 400, "dia");
        refused(RawHttp.send("POST", features + "/admin/api/features_rebuild?dia=%2B999999999-12-31", null, "Authorization", admin), 400, "dia");
        refused(RawHttp.send("GET", features + "/features_qa?dia=-999999999-01-01", null, "Authorization", admin), 400, "dia");
        refused(RawHttp.send("GET", features + "/admin/api/features_estado?usuario_id=17&dia=-999999999-01-01", null, "Authorization", admin), 400, "dia");
    }

    @Test
    void alertsReadsLimitsAsWritten() {
        String limits = system.alerts.get(0).baseUrl() + "/api/v1/limites";
        String bearer = "Bearer " + ana.token();
        refused(RawHttp.send("POST", limits, utf8("{\"dominio\": \"youtube.com\", \"segundos_diarios\": \"600\"}"),
                "Authorization", bearer, "Content-Type", JSON), 400, "segundos_diarios");
        refused(RawHttp.send("POST", limits, utf8("{\"dominio\": \"youtube.com\", \"segundos_diarios\": 600, \"activo\": 1}"),
                "Authorization", bearer, "Content-Type", JSON), 400, "activo");
        String tenThousandDays = String.join(",", Collections.nCopies(10_000, "1"));
        refused(RawHttp.send("POST", limits, utf8("{\"dominio\": \"youtube.com\", \"segundos_diarios\": 600, \"dias_semana\": [" + tenThousandDays + "]}"),
                "Authorization", bearer, "Content-Type", JSON), 400, "dias_semana");
        refused(RawHttp.send("POST", limits, utf8("{\"dominio\": \"youtube.com\", \"segundos_diarios\": 600} []"),
                "Authorization", bearer, "Content-Type", JSON), 400, null);
        refused(RawHttp.send("POST", limits, utf8("{\"dominio\": \"xn--zz.com\", \"segundos_diarios\": 600}"),
                "Authorization", bearer, "Content-Type", JSON), 400, "dominio");
    }

    @Test
    void everyRefusalOfEveryServiceCarriesTheErrorBody() {
        String user = "Bearer " + ana.token();
        for (String base : List.of(system.ingest.baseUrl(), system.features.baseUrl(), system.alerts.get(0).baseUrl())) {
            refused(RawHttp.send("GET", base + "/api/v1/nada", null, "Authorization", user), 404, null);
            refused(RawHttp.send("GET", base + "/api/v1/nada", null), 401, null);
            refused(RawHttp.send("GET", base + "/api/v1/nada", null, "Authorization", "Bearer forged." + UUID.randomUUID()), 401, null);
            refused(RawHttp.send("GET", base + "/api/v1/x?q=" + "a".repeat(5000), null, "Authorization", user), 414, null);
            refused(RawHttp.send("GET", base + "/api/v1/x", null, "Authorization", user, "X-Relleno", "a".repeat(30_000)), 431, null);
        }
    }

    @Test
    void malformedEscapesAreRefusedWithTheErrorBody() {
        String user = "Bearer " + ana.token();
        for (String base : List.of(system.ingest.baseUrl(), system.features.baseUrl(), system.alerts.get(0).baseUrl(),
                system.suggestions.baseUrl())) {
            int port = URI.create(base).getPort();
            refusedVerbatim(port, "/api/v1/%", 400, "ruta", "Authorization", user);
            refusedVerbatim(port, "/api/v1/%zz/x", 400, "ruta", "Authorization", user);
        }
        int features = URI.create(system.features.baseUrl()).getPort();
        refusedVerbatim(features, "/api/v1/uso/categorias?rango=%zz", 400, "rango", "Authorization", user);
        refusedVerbatim(features, "/api/v1/uso/diario?desde=2026-12-01&hasta=%", 400, "hasta", "Authorization", user);
        refusedVerbatim(URI.create(system.suggestions.baseUrl()).getPort(), "/api/v1/resumen?semana=%zz", 400, "semana", "Authorization", user);
    }

    /**
     * 405, 406, 413, 415 and malformed bodies on one body-taking endpoint of each service (features,
     * which takes no bodies, on a query endpoint): each refused with the error body, nothing of it
     * stored, the service still ready.
     */
    @Test
    void protocolAndBodyRefusalsStoreNothing() throws Exception {
        TiempoCheckSystem.User eve = system.createUser("Eve", "Europe/Madrid");
        String bearer = "Bearer " + eve.token();
        String eventId = UUID.randomUUID().toString();
        String event = "{\"event_id\": \"" + eventId + "\", \"dominio\": \"ejemplo.com\", \"fecha_hora\": \""
                + OffsetDateTime.now().minusHours(1).withNano(0) + "\", \"tiempo\": 30}";
        String events = system.ingest.baseUrl() + "/api/v1/eventos";
        refusedBodies("POST", events, "{\"eventos\": [" + event + "]}", 1024 * 1024, bearer);

        String limits = system.alerts.get(0).baseUrl() + "/api/v1/limites";
        refusedBodies("POST", limits, "{\"dominio\": \"youtube.com\", \"segundos_diarios\": 600}", 64 * 1024, bearer);

        String policy = system.suggestions.baseUrl() + "/api/v1/politica";
        String policyBefore = new String(RawHttp.send("GET", policy, null, "Authorization", bearer).body(), StandardCharsets.UTF_8);
        refusedBodies("PUT", policy, "{\"nombre\": \"prueba\", \"ventana_dias\": 14}", 64 * 1024, bearer);

        String daily = system.features.baseUrl() + "/api/v1/uso/diario";
        refused(RawHttp.send("DELETE", daily, null, "Authorization", bearer), 405, null);
        refused(RawHttp.send("GET", daily, null, "Authorization", bearer, "Accept", "application/xml"), 406, null);
        String rebuild = system.features.baseUrl() + "/admin/api/features_rebuild?usuario_id=" + eve.id() + "&dia=" + LocalDate.now();
        refusedVerbatim(RawHttp.headOnly(port(system.features.baseUrl()), "POST", URI.create(rebuild).getRawPath() + "?" + URI.create(rebuild).getRawQuery(),
                10L * 1024 * 1024 + 1, "Authorization", "Bearer " + TiempoCheckSystem.ADMIN_TOKEN, "Content-Type", JSON), "POST " + rebuild, 413, null);

        // A valid event after all of them is stored alone: none of the refused ones got through behind it.
        String sentinel = UUID.randomUUID().toString();
        HttpResponse<byte[]> accepted = RawHttp.send("POST", events, utf8("{\"eventos\": [" + event.replace(eventId, sentinel) + "]}"),
                "Authorization", bearer, "Content-Type", JSON);
        assertEquals(202, accepted.statusCode(), new String(accepted.body(), StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> countInFeatureStore(
                "SELECT COUNT(*) FROM registro WHERE usuario_id = ?", eve.id()) > 0);
        assertEquals(1, countInFeatureStore("SELECT COUNT(*) FROM registro WHERE usuario_id = ?", eve.id()));
        assertEquals(0, countInFeatureStore("SELECT COUNT(*) FROM registro WHERE event_id = ?", eventId));
        assertEquals("[]", new String(RawHttp.send("GET", limits, null, "Authorization", bearer).body(), StandardCharsets.UTF_8).strip());
        assertEquals(policyBefore, new String(RawHttp.send("GET", policy, null, "Authorization", bearer).body(), StandardCharsets.UTF_8));
        for (String base : List.of(system.ingest.baseUrl(), system.features.baseUrl(), system.alerts.get(0).baseUrl(), system.suggestions.baseUrl())) {
            assertEquals(200, RawHttp.send("GET", base + "/q/health/ready", null).statusCode(), base + " is no longer ready");
        }
    }

    /** The endpoint's valid body sent with each protocol error, then each malformed body: all refused with the error body. */
    private static void refusedBodies(String method, String url, String valid, int maxBody, String bearer) {
        refused(RawHttp.send("PATCH", url, utf8(valid), "Authorization", bearer, "Content-Type", JSON), 405, null);
        refused(RawHttp.send(method, url, utf8(valid), "Authorization", bearer, "Content-Type", JSON, "Accept", "application/xml"), 406, null);
        refusedVerbatim(RawHttp.headOnly(port(url), method, URI.create(url).getRawPath(), maxBody + 1L, "Authorization", bearer, "Content-Type", JSON),
                method + " " + url, 413, null);
        refused(RawHttp.send(method, url, utf8(valid), "Authorization", bearer, "Content-Type", "text/plain"), 415, "Content-Type");
        refused(RawHttp.send(method, url, utf8("[" + valid + "]"), "Authorization", bearer, "Content-Type", JSON), 400, null);
        String deep = "{\"a\": ".repeat(5000) + "1" + "}".repeat(5000);
        refused(RawHttp.send(method, url, utf8(deep), "Authorization", bearer, "Content-Type", JSON), 400, null);
        refused(RawHttp.send(method, url, utf8(valid.substring(0, valid.length() / 2)), "Authorization", bearer, "Content-Type", JSON), 400, null);
        refused(RawHttp.send(method, url, invalidUtf8(valid.replaceFirst("o", "?")), "Authorization", bearer, "Content-Type", JSON), 400, null);
    }

    private static long countInFeatureStore(String sql, Object parameter) throws SQLException {
        try (Connection db = system.featureStore(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    private static void refusedVerbatim(int port, String pathAndQuery, int status, String field, String... headers) {
        refusedVerbatim(RawHttp.getVerbatim(port, pathAndQuery, headers), "GET :" + port + pathAndQuery, status, field);
    }

    private static void refusedVerbatim(RawHttp.RawAnswer answer, String request, int status, String field) {
        String where = request + ": " + answer.body();
        assertEquals(status, answer.status(), where);
        assertTrue(answer.contentType().startsWith(JSON), where + " (Content-Type " + answer.contentType() + ")");
        JsonNode body;
        try {
            body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(where, e);
        }
        assertTrue(body.path("motivo").isTextual() && !body.path("motivo").asText().isBlank(), where);
        assertEquals(field, body.path("campo").asText(null), where);
    }

    private static void refused(HttpResponse<byte[]> response, int status, String field) {
        String where = response.request().method() + " " + response.request().uri().toString().substring(0, Math.min(120, response.request().uri().toString().length()));
        assertEquals(status, response.statusCode(), where + ": " + new String(response.body()));
        assertNull(ErrorBodies.problem(response), where);
        if (field != null) {
            assertEquals(field, ErrorBodies.json(response).path("campo").asText(null), where + ": " + new String(response.body()));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text with its '?' replaced by 0xFF, a byte no UTF-8 text holds. */
    private static byte[] invalidUtf8(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        bytes[ascii.indexOf('?')] = (byte) 0xFF;
        return bytes;
    }
}
