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
                .body("services.find { it.name == 'land-registry' }.status", equalTo("UP"))
                .body("services.find { it.name == 'passport' }.status", equalTo("DOWN"))
                .body("services.find { it.name == 'gone' }.status", equalTo("DOWN"))
                // The web apps are routes like the services: admin-console's stand-in is a closed port.
                .body("services.find { it.name == 'admin-console' }.status", equalTo("DOWN"))
                // Added fields: the circuit, replicas in rotation, and what happened.
                .body("services.find { it.name == 'residency' }.circuit", equalTo("CLOSED"))
                .body("services.find { it.name == 'residency' }.replicasReady", equalTo(1))
                .body("services.find { it.name == 'gone' }.replicasReady", equalTo(0))
                .body("services.find { it.name == 'gone' }.replicasTotal", equalTo(1))
                .body("incidents.findAll { it.service == 'gone' }.kind", org.hamcrest.Matchers.hasItem("REPLICA_OUT"));
    }

    /**
     * Found by an outside test: the public status named every replica's internal host:port (in the replicas, in
     * the probe's reasons and in the incidents). It names replicas by label; the operators read the addresses.
     */
    @Test
    void thePublicStatusNamesNoInternalAddressAndTheOperatorsReadThem() {
        String json = given().when().get("/api/status").then().statusCode(200)
                .body("services.find { it.name == 'gone' }.replicas[0].replica", equalTo("gone-1"))
                .body("services.find { it.name == 'gone' }.replicas[0].address", equalTo(null))
                .extract().asString();
        String page = given().when().get("/status").then().statusCode(200).extract().asString();
        for (String shown : new String[] {json, page}) {
            org.junit.jupiter.api.Assertions.assertFalse(shown.matches("(?s).*(localhost|127\\.0\\.0\\.1|\\[?::1\\]?):\\d+.*"),
                    "no host:port in " + shown);
        }

        given().when().get("/api/status/replicas").then().statusCode(401);
        given().auth().oauth2(kr.civilportal.testsupport.Tokens.of("citizen")).get("/api/status/replicas")
                .then().statusCode(403);
        given().auth().oauth2(kr.civilportal.testsupport.Tokens.of("admin")).get("/api/status/replicas")
                .then().statusCode(200)
                .body("find { it.replica == 'gone-1' }.service", equalTo("gone"))
                .body("find { it.replica == 'gone-1' }.address", org.hamcrest.Matchers.matchesPattern("localhost:\\d+"));
    }

    @Test
    void metricsCoverEveryRoute() {
        given().auth().oauth2(kr.civilportal.testsupport.Tokens.of("citizen")).get("/api/residency/v1/me")
                .then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : new String[] {"portal_gateway_requests_seconds_bucket{route=\"residency\",status=\"2xx\"",
                "portal_gateway_circuit_state{route=\"passport\"}", "portal_gateway_bulkhead_in_use{route=\"land-registry\"}",
                "portal_gateway_replicas_ready{route=\"emergency-report\"}"}) {
            org.junit.jupiter.api.Assertions.assertTrue(metrics.contains(name), name + " in /q/metrics");
        }
    }

    @Test
    void thePageShowsTheSameWithoutLogin() {
        given().when().get("/status")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("passport"))
                .body(containsString("DEGRADED"))
                .body(containsString("Recent incidents"));
    }

    @Test
    void theGatewayIsReadyWhateverTheServices() {
        // Readiness reflects the gateway itself: a down service must not take the gateway out of rotation.
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
