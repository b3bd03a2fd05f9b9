package kr.civilportal.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void startupWaitsForEveryMigration() {
        String migrations = "checks.find { it.name == 'Database migrations' }";
        given().when().get("/q/health/started")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(migrations + ".status", equalTo("UP"))
                .body(migrations + ".data.pending", equalTo(0))
                .body(migrations + ".data.failed", equalTo(0));
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

    /**
     * The document as an app developer's tools read it: Spectral's {@code spectral:oas} ruleset finds no error and
     * no warning, so generated clients and contract tests can rely on it.
     */
    @Test
    void openApiPassesTheLinter() throws Exception {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals("", ApiLint.findings(document), "Spectral's findings on the OpenAPI document");
    }

    /** Every operation has an operationId (generated clients' method names) and tags the document declares. */
    @Test
    void everyOperationIsNamedAndTagged() {
        JsonPath document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Set<String> declared = new HashSet<>(document.getList("tags.name", String.class));
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> wrong = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            Object tags = operation.get("tags");
            if (operation.get("operationId") == null) {
                wrong.add(method + " " + path + ": no operationId");
            }
            if (!(tags instanceof List<?> list) || list.isEmpty() || !declared.containsAll(list)) {
                wrong.add(method + " " + path + ": tags " + tags + " not all declared in " + declared);
            }
        }));
        assertEquals(List.of(), wrong);
    }

    /**
     * Every error answer the document lists is {@code application/problem+json} with the shared Problem schema, and
     * an operation that needs a login lists 401 and 403: what a generated client needs to read an error.
     */
    /** An app developer starts from an example: every JSON body an operation takes has one, whole. */
    @Test
    void everyJsonRequestBodyHasAnExample() {
        JsonPath document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> without = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("requestBody") instanceof Map<?, ?> body
                    && body.get("content") instanceof Map<?, ?> content
                    && content.get("application/json") instanceof Map<?, ?> json
                    && !(json.get("examples") instanceof Map<?, ?> examples && !examples.isEmpty())
                    && json.get("example") == null) {
                without.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), without, "JSON request bodies without an example");
    }

    @Test
    void everyErrorAnswerIsDocumentedAsAProblem() {
        JsonPath document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("object", document.getString("components.schemas.Problem.type"));
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> wrong = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!(op.get("responses") instanceof Map<?, ?> responses)) {
                return;
            }
            responses.forEach((status, response) -> {
                String code = status.toString();
                if ((code.startsWith("4") || code.startsWith("5")) && !String.valueOf(response)
                        .contains("application/problem+json={schema={$ref=#/components/schemas/Problem}")) {
                    wrong.add(method + " " + path + " " + code + ": " + response);
                }
            });
            if (op.get("security") != null && !(responses.containsKey("401") && responses.containsKey("403"))) {
                wrong.add(method + " " + path + ": needs a login but lists no 401/403");
            }
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void unknownPathsAnswerWithAProblem() {
        given().when().get(apiPrefix() + "/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"));
    }
}
