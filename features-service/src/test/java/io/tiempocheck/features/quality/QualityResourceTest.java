package io.tiempocheck.features.quality;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Status codes, validation and the stored runs of /admin/api/qa_datos, against the real database and
 * no broker ({@link io.tiempocheck.features.ComponentTestSupport}).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityResourceTest {

    private static final String ADMIN_TOKEN = "test-admin-token";
    private static final List<String> CHECKS = List.of("qa_deltas", "frescura_eventos", "usuarios_silenciosos", "lag_consumidor",
            "dlq_crecimiento", "jobs_fallidos", "schema_ver_antiguo", "rechazos_ingesta", "duplicados_reenviados",
            "eventos_fuera_de_rango", "dias_sobre_24h", "horas_sobre_3600s", "sitios_inusuales", "sin_categoria");

    @Test
    @Order(1)
    void beforeTheFirstRunThereIsNothingToShow() {
        admin().get("/admin/api/qa_datos").then().statusCode(404).body("motivo", equalTo("aún no hay ejecuciones de qa_datos"));
    }

    @Test
    @Order(2)
    void aRunOnAnEmptyStoreIsGreenButForTheBrokerItCannotReach() {
        JsonPath run = admin().post("/admin/api/qa_datos/ejecutar").then().statusCode(200)
                .body("disparo", equalTo("manual")).body("estado", equalTo("rojo"))
                .body("checks.check", hasItems(CHECKS.toArray(String[]::new)))
                .extract().jsonPath();
        assertEquals(CHECKS.size(), run.getList("checks").size());
        // The broker is asked twice (lag, dead letters) and each ask gives up after 0.5 s.
        assertTrue(run.getLong("duracion_ms") >= 1000, "duracion_ms " + run.getLong("duracion_ms"));
        for (String check : List.of("qa_deltas", "frescura_eventos", "jobs_fallidos", "schema_ver_antiguo", "dias_sobre_24h",
                "horas_sobre_3600s", "sitios_inusuales", "sin_categoria", "usuarios_silenciosos", "rechazos_ingesta",
                "duplicados_reenviados", "eventos_fuera_de_rango")) {
            assertEquals("verde", state(run, check), check);
        }
        assertEquals("rojo", state(run, "lag_consumidor"));
        assertTrue(check(run, "lag_consumidor").get("mensaje").toString().startsWith("No se pudo medir el lag del consumidor"));
        Map<String, Object> qa = check(run, "qa_deltas");
        assertEquals("qa", qa.get("grupo"));
        assertEquals(Map.of("amarillo", 1.0f, "rojo", 1.0f), qa.get("umbrales"));
        assertEquals("dias_usuario", qa.get("unidad"));

        admin().get("/admin/api/qa_datos").then().statusCode(200)
                .body("ejecucion_id", equalTo(run.getInt("ejecucion_id"))).body("duracion_ms", notNullValue())
                .body("checks[0].check", equalTo("qa_deltas"));
        admin().get("/admin/api/qa_datos/historial?check=qa_deltas").then().statusCode(200)
                .body("entradas.ejecucion_id", hasItem(run.getInt("ejecucion_id")))
                .body("entradas[0].check", equalTo("qa_deltas")).body("entradas[0].estado", equalTo("verde"));
    }

    @Test
    @Order(3)
    void plantedImplausibleAndUncategorisedDaysTurnTheirChecksRedAndShowInTheGauge() throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Two devices counting the same whole day for user 7, all of it on a site without category.
        execute("INSERT INTO features_diarias (usuario_id, dia, dominio, categoria, segundos) VALUES"
                + " (7, '" + today + "', 'sitio-raro.example', 'Sin categoría', 90000)");
        execute("INSERT INTO features_horarias (usuario_id, dia, hora, dominio, categoria, segundos) VALUES"
                + " (7, '" + today + "', 3, 'sitio-raro.example', 'Sin categoría', 7200)");
        JsonPath run = admin().post("/admin/api/qa_datos/ejecutar").then().statusCode(200).extract().jsonPath();
        assertEquals("rojo", state(run, "dias_sobre_24h"));
        assertEquals("rojo", state(run, "sin_categoria"));
        assertEquals("amarillo", state(run, "horas_sobre_3600s"));
        assertEquals("amarillo", state(run, "sitios_inusuales"));
        assertEquals(100.0f, check(run, "sin_categoria").get("valor"));
        assertTrue(check(run, "sin_categoria").get("mensaje").toString().contains("sitio-raro.example"));
        assertEquals("sitio-raro.example", run.getString("checks.find { it.check == 'sin_categoria' }.detalle.sitios[0].dominio"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("tiempocheck_qa_datos_estado{check=\"dias_sobre_24h\"} 2.0"), metrics);
        assertTrue(metrics.contains("tiempocheck_qa_datos_estado{check=\"schema_ver_antiguo\"} 0.0"), metrics);

        execute("DELETE FROM features_diarias WHERE usuario_id = 7");
        execute("DELETE FROM features_horarias WHERE usuario_id = 7");
        JsonPath repaired = admin().post("/admin/api/features_jobs/qa_datos").then().statusCode(200)
                .body("job", equalTo("qa_datos")).body("estado", equalTo("ok")).extract().jsonPath();
        assertTrue(repaired.getLong("filas") >= CHECKS.size());
        admin().get("/admin/api/qa_datos").then().body("checks.find { it.check == 'dias_sobre_24h' }.estado", equalTo("verde"));
        given().get("/features_health").then().body("jobs.job", hasItem("qa_datos"));
    }

    @Test
    @Order(4)
    void aRunInProgressElsewhereIsAConflict() throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT GET_LOCK(CONCAT(DATABASE(), '.qa_datos'), 0)")) {
                row.next();
                assertEquals(1, row.getInt(1));
            }
            admin().post("/admin/api/qa_datos/ejecutar").then().statusCode(409).body("campo", equalTo("job"))
                    .body("motivo", equalTo("ya hay una ejecución en curso"));
        }
    }

    @Test
    void withoutATokenItIsUnauthorizedAndWithAUserTokenForbidden() {
        for (String path : List.of("/admin/api/qa_datos", "/admin/api/qa_datos/historial")) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(TestTokens.device(42)).get(path).then().statusCode(403);
        }
        given().post("/admin/api/qa_datos/ejecutar").then().statusCode(401);
        given().auth().oauth2(TestTokens.device(42)).post("/admin/api/qa_datos/ejecutar").then().statusCode(403);
    }

    @ParameterizedTest(name = "{0} -> campo {1}")
    @CsvSource(delimiter = '|', value = {
        "check=nada|check|debe ser uno de: ",
        "desde=ayer|desde|debe ser una fecha AAAA-MM-DD o un instante ISO-8601 como 2026-12-03T09:00:00Z",
        "hasta=2026-02-30|hasta|debe ser una fecha AAAA-MM-DD",
        "desde=2026-12-03T10:00:00Z&hasta=2026-12-03T09:00:00Z|desde|debe ser anterior o igual a hasta",
        "desde=2026-01-01&hasta=2026-03-01|desde|el rango admite como máximo 31 días",
        "desde=1999-12-31|desde|debe ser una fecha entre 2000-01-01 y 2099-12-31"})
    void badHistoryQueriesAreRefusedNamingTheField(String query, String field, String reason) {
        admin().get("/admin/api/qa_datos/historial?" + query).then().statusCode(400)
                .body("campo", equalTo(field)).body("motivo", containsString(reason));
    }

    @Test
    void historyTakesDaysAndInstants() {
        admin().get("/admin/api/qa_datos/historial?desde=2026-01-01&hasta=2026-01-31").then().statusCode(200)
                .body("desde", equalTo("2026-01-01T00:00:00Z")).body("hasta", equalTo("2026-02-01T00:00:00Z"));
        admin().get("/admin/api/qa_datos/historial?desde=2026-01-01T08:00:00Z&hasta=2026-01-01T09:30:00Z").then().statusCode(200)
                .body("hasta", equalTo("2026-01-01T09:30:00Z"));
    }

    private static String state(JsonPath run, String check) {
        return String.valueOf(check(run, check).get("estado"));
    }

    private static Map<String, Object> check(JsonPath run, String check) {
        return run.getMap("checks.find { it.check == '" + check + "' }");
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static Connection connection() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "root", "");
    }
}
