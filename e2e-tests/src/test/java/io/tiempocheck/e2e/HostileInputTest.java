package io.tiempocheck.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The hostile inputs of issue 12 that used to be read leniently, answer 500 or answer an empty
 * body: each is refused with its status and the JSON error body, naming the field where there is one.
 */
class HostileInputTest {

    private static final String JSON = "application/json";
    private static TiempoCheckSystem system;
    private static TiempoCheckSystem.User ana;

    @BeforeAll
    static void start() {
        system = new TiempoCheckSystem().start().startAlerts(1);
        ana = system.createUser("Ana", "America/Mexico_City");
    }

    @AfterAll
    static void stop() {
        system.close();
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
