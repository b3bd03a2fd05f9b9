package kr.civilportal.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * App developers read each service's OpenAPI document through the gateway, without a login, at
 * {@code /api/<service>/openapi.json}: the gateway asks the service for its {@code /q/openapi} in JSON (the
 * residency stand-in echoes the path it was asked). Nothing else of {@code /q/*} is reachable that way.
 */
@QuarkusTest
class PublishedApiDocumentTest {

    @Test
    void theDocumentIsTheServicesOwnAndPublic() {
        given().when().get("/api/residency/openapi.json").then().statusCode(200)
                .body("path", equalTo("/q/openapi?format=json"));
    }

    @Test
    void swaggerUiOverTheFourDocumentsIsServedByTheGatewayItself() {
        String page = given().redirects().follow(true).when().get("/developers/api/").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html")).extract().asString();
        for (String prefix : new String[] {"residency", "passport", "land", "emergency"}) {
            org.junit.jupiter.api.Assertions.assertTrue(page.contains("/api/" + prefix + "/openapi.json"),
                    "Swagger UI lists the " + prefix + " document");
        }
    }

    @Test
    void onlyThatNameIsMappedAndOnlyForReading() {
        given().when().get("/api/residency/q/openapi").then().statusCode(401);
        given().when().post("/api/residency/openapi.json").then().statusCode(401);
        given().when().get("/api/residency/v1/openapi.json").then().statusCode(401);
    }
}
