package kr.civilportal.gateway.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Residency's identity check is for the passport service inside the cluster network, never for the public: an
 * outside test reached it through the gateway with a client-credentials token. The gateway refuses it to every
 * caller, that service's own token included, and still routes the rest of residency.
 */
@QuarkusTest
class ServiceOnlyPathsTest {

    private static final String IDENTITY = "/api/residency/v1/identity/5e0b7a52-1c1d-4c9e-9f00-000000000001";

    @Test
    void theIdentityCheckIsNotRoutedForAnyone() {
        String service = Tokens.ofClient("passport-service", "passport-service-dev-secret");
        given().auth().oauth2(service).queryParam("purpose", "x").get(IDENTITY)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen")).queryParam("purpose", "x").get(IDENTITY)
                .then().statusCode(403).contentType("application/problem+json");
        given().queryParam("purpose", "x").get(IDENTITY).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(service).get("/api/residency/v1/identity").then().statusCode(403);

        given().auth().oauth2(Tokens.of("citizen")).get("/api/residency/v1/me").then().statusCode(200);
    }
}
