package kr.civilportal.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kr.civilportal.testsupport.ServiceContractTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndOpenApiTest extends ServiceContractTest {

    @Override
    protected String apiPrefix() {
        return "/api/notification/v1";
    }

    @Override
    protected String openApiTitle() {
        return "Notification service API (알림)";
    }

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/notification/v1/me/notifications", "/api/notification/v1/me/notifications/unread-count",
                "/api/notification/v1/me/notifications/{id}/read", "/api/notification/v1/me/preferences",
                "/api/notification/v1/officer/deliveries");
    }

    /** Kafka is not in readiness: a broker outage must not take the inbox out of rotation. */
    @Test
    void readinessDoesNotDependOnTheEventChannel() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("messaging"))));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/notification/v1/me/preferences'", hasKey("put"));
    }
}
