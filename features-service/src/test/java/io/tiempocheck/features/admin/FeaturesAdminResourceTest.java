package io.tiempocheck.features.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tiempocheck.common.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Status codes and validation of the operator's endpoints, against the real database. */
@QuarkusTest
class FeaturesAdminResourceTest {

    private static final String ADMIN_TOKEN = "test-admin-token";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,  /admin/api/features_estado?usuario_id=1&dia=2026-01-01",
            "POST, /admin/api/features_rebuild?dia=2026-01-01",
            "POST, /admin/api/features_jobs/features_horarias",
            "GET,  /admin/api/features_export?tabla=features_diarias",
            "GET,  /features_qa"})
    void aPersonsTokenIsForbiddenAndNoTokenUnauthorized(String method, String path) {
        given().request(method, path).then().statusCode(401);
        given().auth().oauth2(TestTokens.device(1)).request(method, path).then().statusCode(403);
        given().auth().oauth2("not-the-admin-token").request(method, path).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1} -> campo {2}")
    @CsvSource(delimiter = '|', value = {
            "GET  | /admin/api/features_estado?dia=2026-01-01                   | usuario_id",
            "GET  | /admin/api/features_estado?usuario_id=uno&dia=2026-01-01     | usuario_id",
            "GET  | /admin/api/features_estado?usuario_id=1                     | dia",
            "GET  | /admin/api/features_estado?usuario_id=1&dia=2026-02-30       | dia",
            "POST | /admin/api/features_rebuild                                  | dia",
            "POST | /admin/api/features_rebuild?desde=2026-01-01                 | hasta",
            "POST | /admin/api/features_rebuild?desde=2026-01-02&hasta=2026-01-01 | desde",
            "POST | /admin/api/features_jobs/limpieza                            | job",
            "GET  | /admin/api/features_export                                   | tabla",
            "GET  | /admin/api/features_export?tabla=registro                    | tabla",
            "GET  | /features_qa?dia=hoy                                         | dia"})
    void aBadRequestIsRefusedNamingTheField(String method, String path, String field) {
        admin().request(method, path).then().statusCode(400).body("campo", equalTo(field));
    }

    @Test
    void aDayNobodyRecordedIsNotFound() {
        admin().get("/admin/api/features_estado?usuario_id=40001&dia=2026-01-01").then().statusCode(404);
    }

    @Test
    void aRebuildOfAnEmptyDayChangesNothing() {
        admin().post("/admin/api/features_rebuild?usuario_id=40002&dia=2026-01-01").then().statusCode(200);
        admin().get("/features_qa?usuario_id=40002&dia=2026-01-01&solo_delta=true").then().statusCode(200);
    }

    @Test
    void aJobRunsNowAndIsRecorded() {
        admin().post("/admin/api/features_jobs/features_diarias").then().statusCode(200)
                .body("job", equalTo("features_diarias")).body("disparo", equalTo("manual")).body("estado", equalTo("ok"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN);
    }
}
