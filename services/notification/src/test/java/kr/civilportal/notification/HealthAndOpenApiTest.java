package kr.civilportal.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndOpenApiTest extends NotificationTestResources {

    @Test
    void readyAndLive() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void documentsItsApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/notification/v1/me/notifications'.get", notNullValue())
                .body("paths.'/api/notification/v1/me/notifications/unread-count'.get", notNullValue())
                .body("paths.'/api/notification/v1/me/notifications/{id}/read'.post", notNullValue())
                .body("paths.'/api/notification/v1/me/preferences'.put", notNullValue())
                .body("paths.'/api/notification/v1/officer/deliveries'.get", notNullValue());
    }
}
