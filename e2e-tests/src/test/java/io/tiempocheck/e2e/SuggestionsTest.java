package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Suggestions, the policy and its evaluator over a history that arrived through ingest and Kafka
 * into the real feature store. The users live in a zone where it is around noon while the test
 * runs, so "today" and "yesterday" cannot move under it.
 */
@ExtendWith(SharedSystem.class)
class SuggestionsTest {

    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(60);
    private static TiempoCheckSystem system;
    private static ZoneOffset offset;
    private static LocalDate today;

    @BeforeAll
    static void share(TiempoCheckSystem shared) {
        system = shared;
        int hours = 12 - OffsetDateTime.now(ZoneOffset.UTC).getHour();
        hours = hours > 14 ? hours - 24 : hours < -12 ? hours + 24 : hours;
        offset = ZoneOffset.ofHours(hours);
        today = LocalDate.now(offset);
    }

    /** Etc/GMT zones are named with the sign reversed: Etc/GMT-11 is UTC+11. */
    private static String zone() {
        int hours = offset.getTotalSeconds() / 3600;
        return hours == 0 ? "Etc/GMT" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
    }

    private static String at(int daysAgo, int hour) {
        return OffsetDateTime.of(today.minusDays(daysAgo), LocalTime.of(hour, 0), offset).toString();
    }

    private static void post(User user, List<Map<String, Object>> events) {
        system.postEvents(user, batch(events)).then().statusCode(202);
    }

    /** Waits until the feature store has the user's days before today, as suggestions-service reads them. */
    private static void awaitDaysWithData(User user, int days) {
        await().atMost(ARRIVES_WITHIN).untilAsserted(() -> system.suggestions(user).get("/api/sugerencias").then().statusCode(200)
                .body("dias_con_datos[0]", equalTo(days)));
    }

    @Test
    void theTierFollowsTheDaysWithDataAcrossEachBoundary() {
        Map<Integer, String> tiers = Map.of(2, "insuficiente", 3, "inicial", 6, "inicial", 7, "confiable", 13, "confiable", 14, "consolidado");
        Map<Integer, User> users = new TreeMap<>();
        for (int days : tiers.keySet()) {
            User user = system.createUser("Tier" + days, zone());
            List<Map<String, Object>> events = new ArrayList<>();
            for (int d = 1; d <= days; d++) {
                events.add(event("youtube.com", at(d, 10), 1800));
            }
            post(user, events);
            users.put(days, user);
        }
        users.forEach((days, user) -> {
            awaitDaysWithData(user, days);
            system.suggestions(user).get("/api/sugerencias").then()
                    .body("categoria", contains("Entretenimiento")).body("tipo[0]", equalTo("limite"))
                    .body("nivel[0]", equalTo(tiers.get(days)))
                    .body("segundos[0]", days < 3 ? nullValue() : equalTo(1620));
        });
        system.suggestions(users.get(2)).get("/api/sugerencias_detalle").then()
                .body("[0].nivel.dias_faltantes", equalTo(1))
                .body("[0].formula", equalTo("2 días con datos en la ventana de 28 días; se necesitan 3 para sugerir un valor: falta 1 día"));
        system.suggestions(users.get(14)).get("/api/sugerencias_detalle").then()
                .body("[0].nivel.umbrales.nivel", contains("insuficiente", "inicial", "confiable", "consolidado"))
                .body("[0].nivel.umbrales.dias_min", contains(0, 3, 7, 14))
                .body("[0].nivel.umbrales.dias_max", contains(2, 6, 13, null));
    }

    @Test
    void theDetailGivesEveryNumberOfTheRuleAndAPolicyChangeChangesTheAnswer() {
        User ana = system.createUser("Ana", zone());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int d = 1; d <= 14; d++) {
            for (int hour = 8; hour < 12; hour++) {
                events.add(event("www.facebook.com", at(d, hour), 3600));
            }
            events.add(event("youtube.com", at(d, 14), 1800));
            if (d % 2 == 0) {
                events.add(event("coursera.org", at(d, 16), 3600));
            }
        }
        // Today is not over: never counted. Forty days ago is outside the 28-day window.
        events.add(event("youtube.com", at(0, 9), 3600));
        events.add(event("youtube.com", at(40, 9), 3600));
        post(ana, events);
        awaitDaysWithData(ana, 14);

        JsonPath detail = system.suggestions(ana).get("/api/sugerencias_detalle").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Entretenimiento", "Estudio", "Redes Sociales"), detail.getList("categoria"));

        assertEquals("limite", detail.getString("[0].tipo"));
        assertEquals(1620, detail.getInt("[0].segundos"));
        assertEquals(today.minusDays(28).toString(), detail.getString("[0].ventana.desde"));
        assertEquals(today.minusDays(1).toString(), detail.getString("[0].ventana.hasta"));
        assertEquals(14, detail.getInt("[0].dias_con_datos"));
        assertEquals(14, detail.getList("[0].valores_diarios").size());
        assertEquals(today.minusDays(14).toString(), detail.getString("[0].valores_diarios[0].dia"));
        assertEquals(1800, detail.getInt("[0].valores_diarios[0].segundos"));
        assertEquals("media", detail.getString("[0].base.estadistico"));
        assertEquals(1800, detail.getInt("[0].base.segundos"));
        assertEquals(0.90f, detail.getFloat("[0].multiplicador"));
        assertEquals(7200, detail.getInt("[0].tope.segundos"));
        assertEquals(false, detail.getBoolean("[0].tope.aplicado"));
        assertEquals("consolidado", detail.getString("[0].nivel.nombre"));
        assertEquals("promedio de 14 días: 30 min × 0,90 = 27 min; tope 2 h no aplicado", detail.getString("[0].formula"));

        // A goal; the days without study but with other use count as 0: (7 × 3,600 + 7 × 0) / 14 = 1,800 s.
        assertEquals("meta", detail.getString("[1].tipo"));
        assertEquals(3600, detail.getInt("[1].valores_diarios[0].segundos"));
        assertEquals(0, detail.getInt("[1].valores_diarios[1].segundos"));
        assertEquals(1800, detail.getInt("[1].base.segundos"));
        assertEquals(1980, detail.getInt("[1].segundos"));
        assertEquals(false, detail.getBoolean("[1].escala_metas.aplicada"));
        assertEquals("promedio de 14 días: 30 min × 1,10 = 33 min; tope 8 h no aplicado", detail.getString("[1].formula"));

        // The cap applied: 4 h × 0.90 = 3 h 36 min, capped at 3 h.
        assertEquals(10800, detail.getInt("[2].segundos"));
        assertEquals(12960, detail.getInt("[2].redondeado_segundos"));
        assertEquals(true, detail.getBoolean("[2].tope.aplicado"));
        assertEquals("promedio de 14 días: 4 h × 0,90 = 3 h 36 min; tope 3 h aplicado: 3 h", detail.getString("[2].formula"));

        system.suggestions(ana).queryParam("categoria", "redes sociales").get("/api/sugerencias_detalle").then().statusCode(200)
                .body("categoria", contains("Redes Sociales"));
        system.suggestions(ana).queryParam("categoria", "Comercio").get("/api/sugerencias_detalle").then().statusCode(404);

        system.suggestions(ana).get("/api/v1/politica").then().statusCode(200)
                .body("ventana_dias", equalTo(28)).body("base", equalTo("media")).body("topes.'Redes Sociales'", equalTo(10800));
        system.suggestions(ana).body(Map.of("multiplicador_limite", 0.5, "base", "mediana")).put("/api/v1/politica").then().statusCode(200)
                .body("multiplicador_limite", equalTo(0.50f)).body("multiplicador_meta", equalTo(1.10f)).body("base", equalTo("mediana"));
        system.suggestions(ana).get("/api/sugerencias").then()
                .body("segundos", contains(900, 1980, 7200)).body("nivel", contains("consolidado", "consolidado", "consolidado"));
        system.suggestions(ana).queryParam("categoria", "Entretenimiento").get("/api/sugerencias_detalle").then()
                .body("[0].formula", equalTo("mediana de 14 días: 30 min × 0,50 = 15 min; tope 2 h no aplicado"));
    }

    @Test
    void theEvaluatorCountsWhatEachPolicyWouldHaveRaisedDayByDayAndKeepsItsAnswer() {
        User eva = system.createUser("Eva", zone());
        User other = system.createUser("Otro", zone());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int d = 1; d <= 14; d++) {
            events.add(event("youtube.com", at(d, 14), 1800));
            if (d % 2 == 0) {
                events.add(event("coursera.org", at(d, 16), 3600));
            }
        }
        post(eva, events);
        post(other, List.of(event("amazon.com", at(1, 10), 600), event("amazon.com", at(2, 10), 600), event("amazon.com", at(3, 10), 600)));
        awaitDaysWithData(eva, 14);
        awaitDaysWithData(other, 3);

        Map<String, Object> request = Map.of("desde", today.minusDays(7).toString(), "hasta", today.minusDays(1).toString(), "politicas", List.of(
                Map.of("nombre", "estricta", "ventana_dias", 7),
                Map.of("nombre", "holgada", "ventana_dias", 7, "multiplicador_limite", 1.2),
                Map.of("nombre", "amplia", "ventana_dias", 7, "multiplicador_limite", 1.5)));
        var created = system.suggestions(eva).body(request).post("/api/v1/politicas/evaluar").then().statusCode(201).extract();
        JsonPath evaluation = created.jsonPath();
        long id = evaluation.getLong("id");
        assertEquals("/api/v1/politicas/evaluaciones/" + id, URI.create(created.header("Location")).getPath());
        assertEquals(List.of("estricta", "holgada", "amplia"), evaluation.getList("politicas.nombre"));
        assertEquals(7, evaluation.getInt("politicas[0].dias_con_datos"));

        // 30 min every day: a limit of 27 min is exceeded by 3 min each day; 36 min is reached at 83 %; 45 min at 67 %.
        String video = "politicas[%d].categorias.find { it.categoria == 'Entretenimiento' }.";
        assertEquals(List.of(7, 7, 0, 1260, 180.0f), counts(evaluation, video.formatted(0)));
        assertEquals(Arrays.asList(7, 0, 7, 0, null), counts(evaluation, video.formatted(1)));
        assertEquals(Arrays.asList(7, 0, 0, 0, null), counts(evaluation, video.formatted(2)));
        assertEquals(1620, evaluation.getInt(video.formatted(0) + "dias[0].sugerido"));
        assertEquals(1800, evaluation.getInt(video.formatted(0) + "dias[0].real"));
        assertEquals("exceso", evaluation.getString(video.formatted(0) + "dias[0].resultado"));
        assertEquals(0.0f, evaluation.getFloat(video.formatted(0) + "estabilidad_segundos"));
        // Study every other day, suggested well under 1 h: met on the three even days of the range.
        String study = "politicas[0].categorias.find { it.categoria == 'Estudio' }.";
        assertEquals(3, evaluation.getInt(study + "dias_meta_cumplida"));
        assertEquals("meta", evaluation.getString(study + "tipo"));

        // Two weeks of history are too short for a held-out fold: the seasonal-naive baseline, and no error shown.
        system.suggestions(eva).get("/api/v1/pronosticos?dias=7").then().statusCode(200)
                .body("categoria", contains("Entretenimiento", "Estudio"))
                .body("metodo", contains("ingenuo_estacional", "ingenuo_estacional"))
                .body("modelo_promovido", contains(false, false))
                .body("mae_validacion", contains(nullValue(), nullValue()))
                .body("[0].pronostico.segundos", contains(1800, 1800, 1800, 1800, 1800, 1800, 1800))
                .body("[0].pronostico[0].dia", equalTo(today.toString()))
                .body("[1].pronostico.segundos", contains(0, 3600, 0, 3600, 0, 3600, 0));
        system.suggestions(eva).get("/api/v1/pronosticos?dias=0").then().statusCode(400)
                .body("campo", equalTo("dias")).body("motivo", equalTo("debe ser un número entero entre 1 y 14"));

        // 30 min a day over a limit of 27 min: no day within limits; no study yesterday: a goal streak of 0.
        system.suggestions(eva).get("/api/v1/resumen").then().statusCode(200)
                .body("desde", equalTo(today.with(java.time.DayOfWeek.MONDAY).toString()))
                .body("dias_contados", equalTo(today.getDayOfWeek().getValue() - 1))
                .body("rachas.dentro_de_limites", equalTo(0))
                .body("rachas.metas.categoria", contains("Estudio")).body("rachas.metas.dias", contains(0))
                .body("dias_inusuales", org.hamcrest.Matchers.empty());
        system.suggestions(eva).get("/api/v1/resumen?semana=" + today.minusWeeks(1)).then().statusCode(200)
                .body("dias_contados", equalTo(7))
                .body("categorias.find { it.categoria == 'Entretenimiento' }.esta_semana_segundos", equalTo(7 * 1800));
        system.suggestions(eva).get("/api/v1/resumen?semana=la-pasada").then().statusCode(400).body("campo", equalTo("semana"));

        JsonPath again = system.suggestions(eva).get("/api/v1/politicas/evaluaciones/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(evaluation.prettify(), again.prettify());
        system.suggestions(other).get("/api/v1/politicas/evaluaciones/" + id).then().statusCode(404);
    }

    private static List<Object> counts(JsonPath evaluation, String path) {
        List<Object> counts = new ArrayList<>();
        for (String field : List.of("dias_evaluados", "dias_exceso", "dias_proximidad", "reduccion_total_segundos", "reduccion_media_segundos")) {
            counts.add(evaluation.get(path + field));
        }
        return counts;
    }

    @Test
    void oneUserNeverSeesAnothersSuggestionsAndBadRequestsAreAnsweredPlainly() {
        User luis = system.createUser("Luis", zone());
        User sara = system.createUser("Sara", zone());
        post(luis, List.of(event("netflix.com", at(1, 20), 1200), event("netflix.com", at(2, 20), 1200), event("netflix.com", at(3, 20), 1200)));
        post(sara, List.of(event("reddit.com", at(1, 20), 600), event("reddit.com", at(2, 20), 600), event("reddit.com", at(3, 20), 600),
                event("reddit.com", at(4, 20), 600)));
        awaitDaysWithData(luis, 3);
        awaitDaysWithData(sara, 4);
        system.suggestions(luis).get("/api/sugerencias").then().body("categoria", contains("Entretenimiento")).body("segundos", contains(1080));
        system.suggestions(sara).get("/api/sugerencias").then().body("categoria", contains("Redes Sociales")).body("segundos", contains(540));
        system.suggestions(sara).queryParam("categoria", "Entretenimiento").get("/api/sugerencias_detalle").then().statusCode(404);
        system.suggestions(luis).body(Map.of("multiplicador_limite", 2)).put("/api/v1/politica").then().statusCode(200);
        system.suggestions(sara).get("/api/v1/politica").then().body("multiplicador_limite", equalTo(0.90f));

        given().baseUri(system.suggestions.baseUrl()).get("/api/sugerencias").then().statusCode(401);
        given().baseUri(system.suggestions.baseUrl()).auth().oauth2("not-a-token").get("/api/sugerencias_detalle").then().statusCode(401);
        given().baseUri(system.suggestions.baseUrl()).auth().oauth2(TiempoCheckSystem.ADMIN_TOKEN).get("/api/sugerencias").then().statusCode(403);
        given().baseUri(system.suggestions.baseUrl()).auth().oauth2(TiempoCheckSystem.ADMIN_TOKEN).get("/api/v1/politica").then().statusCode(403);

        system.suggestions(luis).body(Map.of("ventana_dias", 3)).put("/api/v1/politica").then().statusCode(400)
                .body("campo", equalTo("ventana_dias")).body("motivo", equalTo("debe estar entre 7 y 56 días"));
        system.suggestions(luis).body(Map.of("base", "moda")).put("/api/v1/politica").then().statusCode(400)
                .body("campo", equalTo("base")).body("motivo", equalTo("debe ser media, mediana o p75"));
        system.suggestions(luis).body(Map.of("multiplicador_limte", 0.8)).put("/api/v1/politica").then().statusCode(400)
                .body("campo", equalTo("multiplicador_limte")).body("motivo", equalTo("campo desconocido"));
        system.suggestions(luis).body(Map.of("topes", Map.of("Ocio", "dos horas"))).put("/api/v1/politica").then().statusCode(400)
                .body("campo", equalTo("topes.Ocio"));
        system.suggestions(luis).body(Map.of("desde", today.minusDays(3).toString(), "hasta", today.toString(), "politicas", List.of(Map.of())))
                .post("/api/v1/politicas/evaluar").then().statusCode(400).body("campo", equalTo("hasta"));
        system.suggestions(luis).body(Map.of("desde", "ayer", "hasta", today.minusDays(1).toString(), "politicas", List.of(Map.of())))
                .post("/api/v1/politicas/evaluar").then().statusCode(400)
                .body("campo", equalTo("desde")).body("motivo", equalTo("debe ser una fecha AAAA-MM-DD"));
        // Body dates keep the query parameters' bounds: near java.time's first year the window before desde does not exist.
        system.suggestions(luis).body(Map.of("desde", "-999999999-01-01", "hasta", "-999999999-01-02", "politicas", List.of(Map.of())))
                .post("/api/v1/politicas/evaluar").then().statusCode(400)
                .body("campo", equalTo("desde")).body("motivo", equalTo("debe ser una fecha entre 2000-01-01 y 2099-12-31"));
        system.suggestions(luis).body(Map.of("desde", today.minusDays(3).toString(), "hasta", today.minusDays(1).toString(),
                        "politicas", List.of(Map.of(), Map.of("multiplicador_meta", 9))))
                .post("/api/v1/politicas/evaluar").then().statusCode(400).body("campo", equalTo("politicas[1].multiplicador_meta"));
        system.suggestions(luis).body(Map.of("desde", today.minusDays(3).toString(), "hasta", today.minusDays(1).toString(), "politicas", List.of()))
                .post("/api/v1/politicas/evaluar").then().statusCode(400).body("campo", equalTo("politicas"));
    }

    @Test
    void theOperatorRefitsAndReadsTheBacktestAndNoOneElseCan() {
        User zoe = system.createUser("Zoe", zone());
        post(zoe, List.of(event("github.com", at(1, 9), 1200), event("github.com", at(2, 9), 1200), event("github.com", at(3, 9), 1200)));
        awaitDaysWithData(zoe, 3);
        var admin = given().baseUri(system.suggestions.baseUrl()).auth().oauth2(TiempoCheckSystem.ADMIN_TOKEN);
        JsonPath run = admin.post("/admin/api/modelos/reentrenar").then().statusCode(200)
                .body("estado", equalTo("ok")).body("disparo", equalTo("manual")).extract().jsonPath();
        assertEquals(List.of("ultimo_valor", "ingenuo_estacional", "media_movil_7", "holt_winters"), run.getList("metodos.metodo"));
        given().baseUri(system.suggestions.baseUrl()).auth().oauth2(TiempoCheckSystem.ADMIN_TOKEN).get("/admin/api/modelos/evaluacion")
                .then().statusCode(200).body("id", equalTo(run.getInt("id"))).body("series", equalTo(run.getInt("series")));
        given().baseUri(system.suggestions.baseUrl()).auth().oauth2(TiempoCheckSystem.ADMIN_TOKEN).queryParam("metodos", "arima")
                .post("/admin/api/modelos/reentrenar").then().statusCode(400).body("campo", equalTo("metodos"));
        system.suggestions(zoe).get("/admin/api/modelos/evaluacion").then().statusCode(403);
        system.suggestions(zoe).post("/admin/api/modelos/reentrenar").then().statusCode(403);
        given().baseUri(system.suggestions.baseUrl()).get("/admin/api/modelos/evaluacion").then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentShowsEveryEndpoint() {
        given().baseUri(system.suggestions.baseUrl()).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/sugerencias")).body("paths", hasKey("/api/sugerencias_detalle"))
                .body("paths", hasKey("/api/v1/politica")).body("paths", hasKey("/api/v1/politicas/evaluar"))
                .body("paths", hasKey("/api/v1/politicas/evaluaciones/{id}")).body("paths", hasKey("/api/v1/pronosticos"))
                .body("paths", hasKey("/api/v1/resumen")).body("paths", hasKey("/admin/api/modelos/evaluacion"))
                .body("paths", hasKey("/admin/api/modelos/reentrenar"));
    }
}
