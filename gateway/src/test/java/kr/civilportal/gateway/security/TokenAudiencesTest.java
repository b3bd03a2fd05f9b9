package kr.civilportal.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import java.util.Set;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Tokens are bound to the services they are for (security.md, finding 5): the realm gives each client the audiences
 * of the services it may call, each service accepts only its own, and the gateway only tokens for at least one
 * of them. A citizen's token that another application of the realm obtained (the dev realm's
 * {@code another-app}: same user, same roles, no portal audience) stops here with 401.
 */
@QuarkusTest
class TokenAudiencesTest {

    static final Set<String> SERVICES = Set.of("residency-api", "passport-api", "land-registry-api",
            "emergency-report-api", "notification-api");

    @Test
    void eachClientsTokensCarryTheAudiencesOfTheServicesItMayCall() {
        assertTrue(Tokens.audiencesOf(Tokens.of("citizen")).containsAll(SERVICES), "portal clients: every service");
        assertEquals(Set.of("residency-api"),
                Tokens.audiencesOf(Tokens.ofClient("passport-service", "passport-service-dev-secret")),
                "the passport service calls residency only");
        assertTrue(Collections.disjoint(SERVICES, Tokens.audiencesOf(Tokens.ofUserVia("another-app", "citizen"))),
                "another application's tokens are for none of the services");
    }

    @Test
    void aTokenForNoPortalServiceIsRefusedAtTheEdge() {
        given().auth().oauth2(Tokens.ofUserVia("another-app", "citizen")).get("/api/residency/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen")).get("/api/residency/v1/me").then().statusCode(200);
    }
}
