package kr.civilportal.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service promises its operators and clients alike (the contract in the architecture brief):
 * live and ready health, readiness that checks the service's own database, OpenAPI describing its API, and
 * problem+json for unknown paths. A service's test extends this under {@code @QuarkusTest}.
 */
public abstract class ServiceContractTest {

    /** The API prefix, e.g. {@code /api/land/v1}. */
    protected abstract String apiPrefix();

    /** The title its OpenAPI document carries. */
    protected abstract String openApiTitle();

    /** Paths (as OpenAPI writes them) that must be documented. */
    protected abstract List<String> documentedPaths();

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
        var response = given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo(openApiTitle()));
        for (String path : documentedPaths()) {
            response.body("paths", hasKey(path));
        }
    }

    @Test
    void unknownPathsAnswerWithAProblem() {
        given().when().get(apiPrefix() + "/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"));
    }
}
