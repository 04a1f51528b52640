package io.tiempocheck.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tiempocheck.e2e.TiempoCheckSystem.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tiempocheck.e2e.Events.batch;
import static io.tiempocheck.e2e.Events.event;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A person's categories: their own, their override of a site's category rewriting their whole history
 * at once (and never anyone else's), new events and rebuilds keeping it, and the dashboard's usage views
 * over any range. One system for all methods; each method has users of its own.
 */
@ExtendWith(SharedSystem.class)
class CategoryOverridesTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
    private static final List<String> GLOBAL = List.of("Productividad", "Entretenimiento", "Redes Sociales", "Estudio",
            "Trabajo", "Herramientas", "Comercio", "Salud y bienestar", "Información", "Ocio", "Sin categoría");
    private static TiempoCheckSystem system;

    @BeforeAll
    static void share(TiempoCheckSystem shared) {
        // Its alerts-service too: a limit on a category must see the sites a person moved into it.
        system = shared;
    }

    /** youtube.com (Entretenimiento) 300 s on the 20th and 1200 s across 22:00-23:00 on the 21st, github.com 600 s. */
    private static User withHistory(String name) {
        User user = system.createUser(name, "America/Mexico_City");
        Map<String, Object> history = batch(List.of(
                event("youtube.com", "2026-11-20T10:00:00-06:00", 300),
                event("m.youtube.com", "2026-11-21T22:50:00-06:00", 1200),
                event("github.com", "2026-11-21T09:00:00-06:00", 600)));
        // As the extension does: a 503 (the broker not yet answering for a topic just made) is sent again, same ids.
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.postEvents(user, history).then().statusCode(202)
                .body("aceptados", equalTo(3)));
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(user, "/sitios?rango=total").then()
                .statusCode(200).body("segundos", equalTo(2100)));
        return user;
    }

    @Test
    void anOverrideRecategorisesTheWholeHistoryAtOnceAndOnlyTheOwnersAndRemovingItRestoresIt() {
        User ana = withHistory("Ana");
        User ben = withHistory("Ben");

        system.features(ana).body(Map.of("categoria", "ocio")).put("/api/v1/categorias/www.youtube.com").then()
                .statusCode(200)
                .body("dominio", equalTo("youtube.com")).body("categoria", equalTo("Ocio"))
                .body("filas_horarias", equalTo(3)).body("filas_diarias", equalTo(2));

        // Answered after the commit: every view shows it on the next read, no waiting.
        system.getUsage(ana, "/categorias?rango=total").then().statusCode(200).body("segundos", equalTo(2100))
                .body("categorias", hasSize(2))
                .body("categorias[0].categoria", equalTo("Ocio")).body("categorias[0].segundos", equalTo(1500))
                .body("categorias[1].categoria", equalTo("Herramientas")).body("categorias[1].segundos", equalTo(600));
        system.getUsage(ana, "/sitios?rango=total&top=500").then().statusCode(200)
                .body("sitios[0].dominio", equalTo("youtube.com")).body("sitios[0].categoria", equalTo("Ocio"))
                .body("sitios[0].segundos", equalTo(1500))
                .body("sitios[1].dominio", equalTo("github.com")).body("sitios[1].categoria", equalTo("Herramientas"));
        system.getUsage(ana, "/diario?desde=2026-11-20&hasta=2026-11-21").then().statusCode(200)
                .body("dias[0].categorias.Ocio", equalTo(300)).body("dias[0].categorias.Entretenimiento", nullValue())
                .body("dias[1].categorias.Ocio", equalTo(1200)).body("dias[1].dominios[0].categoria", equalTo("Ocio"));
        system.getUsage(ana, "/horario?dia=2026-11-21").then().statusCode(200)
                .body("horas[22].categorias.Ocio", equalTo(600)).body("horas[23].categorias.Ocio", equalTo(600))
                .body("horas[9].categorias.Herramientas", equalTo(600));
        system.getUsage(ben, "/categorias?rango=total").then()
                .body("categorias.categoria", not(hasItem("Ocio")))
                .body("categorias[0].categoria", equalTo("Entretenimiento")).body("categorias[0].segundos", equalTo(1500));

        // New events of the site land in the person's category; a rebuild from registro keeps it.
        system.postEvents(ana, batch(List.of(event("youtube.com", "2026-11-22T08:00:00-06:00", 60)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.getUsage(ana, "/horario?dia=2026-11-22").then()
                .body("horas[8].categorias.Ocio", equalTo(60)));
        system.featuresAdmin().post("/admin/api/features_rebuild?usuario_id=" + ana.id() + "&desde=2026-11-19&hasta=2026-11-22")
                .then().statusCode(200);
        system.getUsage(ana, "/categorias?desde=2026-11-19&hasta=2026-11-22").then().statusCode(200)
                .body("rango", equalTo("personalizado"))
                .body("categorias[0].categoria", equalTo("Ocio")).body("categorias[0].segundos", equalTo(1560));

        system.features(ana).delete("/api/v1/categorias/youtube.com").then().statusCode(204);
        system.getUsage(ana, "/categorias?rango=total").then()
                .body("categorias[0].categoria", equalTo("Entretenimiento")).body("categorias[0].segundos", equalTo(1560))
                .body("categorias.categoria", not(hasItem("Ocio")));
        system.getUsage(ana, "/horario?dia=2026-11-21").then().body("horas[23].categorias.Entretenimiento", equalTo(600));
        system.features(ana).delete("/api/v1/categorias/youtube.com").then().statusCode(404).body("campo", equalTo("dominio"));
    }

    @Test
    void ownCategoriesAreListedAfterTheOriginalsAndNeverVisibleToAnotherPerson() {
        User carla = withHistory("Carla");
        User dario = system.createUser("Dario", null);

        system.features(carla).body(Map.of("nombre", " Idiomas ")).post("/api/v1/categorias").then().statusCode(201)
                .body("nombre", equalTo("Idiomas")).body("propia", equalTo(true));
        system.features(carla).body(Map.of("nombre", "idiomas")).post("/api/v1/categorias").then().statusCode(409)
                .body("campo", equalTo("nombre"));
        system.features(carla).body(Map.of("nombre", "Ocio")).post("/api/v1/categorias").then().statusCode(409);
        system.features(carla).body(Map.of("nombre", "  ")).post("/api/v1/categorias").then().statusCode(400)
                .body("campo", equalTo("nombre"));
        system.features(carla).body(Map.of("nombre", "x".repeat(65))).post("/api/v1/categorias").then().statusCode(400)
                .body("campo", equalTo("nombre"));

        JsonPath list = system.features(carla).get("/api/v1/categorias").then().statusCode(200).extract().jsonPath();
        assertEquals(GLOBAL.size() + 1, list.getList("categorias").size());
        assertEquals(GLOBAL, list.getList("categorias.nombre").subList(0, GLOBAL.size()));
        assertEquals(List.of("Idiomas"), list.getList("categorias.findAll { it.propia }.nombre"));
        system.features(dario).get("/api/v1/categorias").then().statusCode(200)
                .body("categorias", hasSize(GLOBAL.size())).body("categorias.nombre", not(hasItem("Idiomas")));

        // Another person's category does not exist for you; yours can take a site.
        system.features(dario).body(Map.of("categoria", "Idiomas")).put("/api/v1/categorias/github.com").then()
                .statusCode(404).body("campo", equalTo("categoria"));
        system.features(carla).body(Map.of("categoria", "Idiomas")).put("/api/v1/categorias/github.com").then()
                .statusCode(200).body("categoria", equalTo("Idiomas")).body("filas_horarias", equalTo(1));
        system.getUsage(carla, "/sitios?rango=total").then().body("sitios.find { it.dominio == 'github.com' }.categoria",
                equalTo("Idiomas"));
    }

    @Test
    void sitesAndCustomRangesAnswerWhatTheDashboardDraws() {
        User elena = withHistory("Elena");
        system.getUsage(elena, "/sitios?rango=total&top=1").then().statusCode(200)
                .body("rango", equalTo("total")).body("segundos", equalTo(2100))
                .body("sitios", hasSize(1)).body("sitios[0].dominio", equalTo("youtube.com"))
                .body("sitios[0].categoria", equalTo("Entretenimiento")).body("sitios[0].segundos", equalTo(1500));
        system.getUsage(elena, "/sitios?desde=2026-11-21&hasta=2026-11-21").then().statusCode(200)
                .body("rango", equalTo("personalizado")).body("desde", equalTo("2026-11-21")).body("hasta", equalTo("2026-11-21"))
                .body("segundos", equalTo(1800)).body("sitios.dominio", equalTo(List.of("youtube.com", "github.com")));
        system.getUsage(elena, "/sitios?rango=hoy").then().statusCode(200).body("segundos", equalTo(0)).body("sitios", empty());
        system.getUsage(elena, "/diario?desde=2026-11-20&hasta=2026-11-21&dominios=false").then().statusCode(200)
                .body("segundos", equalTo(2100)).body("dias[1].categorias.Herramientas", equalTo(600))
                .body("dias[0].dominios", empty()).body("dias[1].dominios", empty());
        system.getUsage(elena, "/categorias?desde=2026-11-20&hasta=2026-11-20").then().statusCode(200)
                .body("rango", equalTo("personalizado")).body("segundos", equalTo(300));
    }

    @Test
    void aLimitOnAnOwnCategoryCountsTheSitesMovedIntoIt() {
        User gina = system.createUser("Gina", "America/Mexico_City");
        system.features(gina).body(Map.of("nombre", "Idiomas")).post("/api/v1/categorias").then().statusCode(201);
        system.features(gina).body(Map.of("categoria", "Idiomas")).put("/api/v1/categorias/duolingo.com").then().statusCode(200);
        long limit = system.createLimit(gina, Map.of("categoria", "idiomas", "segundos_diarios", 60));
        // Another person's category is not one a limit can name.
        system.alerts(system.createUser("Hugo", null)).body(Map.of("categoria", "Idiomas", "segundos_diarios", 60))
                .post("/api/v1/limites").then().statusCode(400).body("campo", equalTo("categoria"));

        system.postEvents(gina, batch(List.of(event("duolingo.com", "2026-11-23T08:00:00-06:00", 120)))).then().statusCode(202);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> system.alerts(gina).get("/api/v1/alertas?dia=2026-11-23").then()
                .statusCode(200).body("limite_id", hasItem((int) limit)).body("nivel", hasItem("exceso")));
        system.getUsage(gina, "/categorias?rango=total").then().body("categorias[0].categoria", equalTo("Idiomas"))
                .body("categorias[0].segundos", equalTo(120));
    }

    @Test
    void badInputIsAClearErrorNamingTheField() {
        User fede = system.createUser("Fede", null);
        assertRefused(system.features(fede).body(Map.of("categoria", "No Existe")).put("/api/v1/categorias/youtube.com"),
                404, "categoria");
        assertRefused(system.features(fede).body(Map.of("categoria", "Ocio")).put("/api/v1/categorias/localhost"), 400, "dominio");
        assertRefused(system.features(fede).body(Map.of("categoria", "Ocio")).put("/api/v1/categorias/127.0.0.1"), 400, "dominio");
        assertRefused(system.features(fede).body(Map.of("categoria", 7)).put("/api/v1/categorias/youtube.com"), 400, "categoria");
        assertRefused(system.features(fede).delete("/api/v1/categorias/no es un dominio"), 400, "dominio");
        assertRefused(system.getUsage(fede, "/sitios?rango=7d&desde=2026-11-01&hasta=2026-11-02"), 400, "rango");
        assertRefused(system.getUsage(fede, "/categorias?rango=total&desde=2026-11-01"), 400, "rango");
        assertRefused(system.getUsage(fede, "/sitios?desde=2026-11-01"), 400, "hasta");
        assertRefused(system.getUsage(fede, "/sitios?desde=2026-11-02&hasta=2026-11-01"), 400, "desde");
        assertRefused(system.getUsage(fede, "/sitios?desde=2024-01-01&hasta=2026-11-01"), 400, "desde");
        assertRefused(system.getUsage(fede, "/sitios?top=0"), 400, "top");
        assertRefused(system.getUsage(fede, "/sitios?top=501"), 400, "top");
        assertRefused(system.getUsage(fede, "/sitios?top=diez"), 400, "top");
        assertRefused(system.getUsage(fede, "/diario?dominios=quizas"), 400, "dominios");
        system.featuresAnonymous().get("/api/v1/categorias").then().statusCode(401);
        system.featuresAnonymous().get("/api/v1/uso/sitios").then().statusCode(401);
        system.featuresAnonymous().body(Map.of("categoria", "Ocio")).put("/api/v1/categorias/youtube.com").then().statusCode(401);
        system.featuresAnonymous().body(Map.of("nombre", "Idiomas")).post("/api/v1/categorias").then().statusCode(401);
    }

    private static void assertRefused(Response response, int status, String field) {
        response.then().statusCode(status).body("campo", equalTo(field));
    }
}
