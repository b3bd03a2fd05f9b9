package kr.civilportal.emergency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kr.civilportal.testsupport.ServiceContractTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndOpenApiTest extends ServiceContractTest {

    @Override
    protected String apiPrefix() {
        return "/api/emergency/v1";
    }

    @Override
    protected String openApiTitle() {
        return "119 emergency-report service API (다매체 신고)";
    }

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/emergency/v1/reports", "/api/emergency/v1/reports/{id}",
                "/api/emergency/v1/reports/{id}/acknowledgement", "/api/emergency/v1/reports/{id}/assignment",
                "/api/emergency/v1/reports/{id}/notes", "/api/emergency/v1/reports/{id}/closure",
                "/api/emergency/v1/reports/{id}/events", "/api/emergency/v1/reports/{id}/attachments/{attachmentId}",
                "/api/emergency/v1/dispatch/events", "/api/emergency/v1/receipts/{reportId}",
                "/api/emergency/v1/receipts/{reportId}/attachments");
    }

    @Test
    void submittingIsOpenAndListingIsDocumentedOnTheSamePath() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/emergency/v1/reports'", hasKey("post"))
                .body("paths.'/api/emergency/v1/reports'", hasKey("get"));
    }
}
