package kr.civilportal.land.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import kr.civilportal.testsupport.FreePort;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Land-registry started while the identity provider cannot be reached (issue 26): nothing listens where Keycloak
 * should be. A signed-in request, with a token Keycloak really issued, gets a 503 problem+json with Retry-After
 * instead of a 500, and the readiness detail says tokens cannot be checked; public verification is still served.
 */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.KeycloakUnreachable.class)
class IdentityProviderOutageTest {

    public static class KeycloakUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url",
                    "http://127.0.0.1:" + FreePort.belowEphemeralRange() + "/realms/portal");
        }
    }

    @Test
    void aSignedInRequestGetsA503ProblemAndPublicOnesAreServed() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/land/v1/parcels/1111010100100010000")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("urn:civilportal:problem:identity-provider-unavailable"))
                .body("detailKo", containsString("잠시 후 다시"));

        // Public: whether an extract number was issued needs no sign-in.
        given().when().get("/api/land/v1/extracts/1234-5678-9012-3452")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:extract-not-issued"));

        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("identity-provider"))
                .body("checks.find { it.name == 'identity-provider' }.data.tokens", containsString("cannot be checked"));
    }
}
