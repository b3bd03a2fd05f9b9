package kr.civilportal.emergency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndOpenApiTest {

    @Test
    void readinessReportsItsOwnDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", containsString("119"))
                .body("paths", hasKey("/api/emergency/v1/reports"))
                .body("paths", hasKey("/api/emergency/v1/reports/{id}"))
                .body("paths.'/api/emergency/v1/reports'", hasKey("post"))
                .body("paths.'/api/emergency/v1/reports'", hasKey("get"));
    }

    @Test
    void unknownPathsAnswerWithAProblem() {
        given().when().get("/api/emergency/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"));
    }
}
