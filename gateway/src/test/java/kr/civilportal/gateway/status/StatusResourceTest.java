package kr.civilportal.gateway.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusResourceTest {

    @Test
    void reportsEachServiceAsTheGatewaySeesIt() {
        given().when().get("/api/status")
                .then().statusCode(200)
                .body("status", equalTo("DEGRADED"))
                .body("services.find { it.name == 'residency' }.status", equalTo("UP"))
                .body("services.find { it.name == 'emergency-report' }.status", equalTo("UP"))
                .body("services.find { it.name == 'passport' }.status", equalTo("DOWN"))
                .body("services.find { it.name == 'land-registry' }.status", equalTo("DOWN"));
    }

    @Test
    void thePageShowsTheSameWithoutLogin() {
        given().when().get("/status")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("passport"))
                .body(containsString("DEGRADED"));
    }

    @Test
    void theGatewayIsReadyWhateverTheServices() {
        // Readiness reflects the gateway itself: a down service must not take the gateway out of rotation.
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
