package kr.civilportal.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import kr.civilportal.gateway.RawHttp;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The token lane changes what a request costs, never what it gets: a token the gateway verified before takes
 * the lane on a path for any logged-in caller (counted in {@code portal_gateway_token_lane_total}), and every
 * other request, however it is spelt, is decided by Quarkus's authentication and authorization as before.
 */
@QuarkusTest
class TokenLaneTest {

    private static final String IDENTITY = "/api/residency/v1/identity/5e0b7a52-1c1d-4c9e-9f00-000000000001";

    @Test
    void aKnownTokenTakesTheLaneAndIsServedAsBefore() {
        String citizen = Tokens.of("citizen3");
        given().auth().oauth2(citizen).get("/api/residency/v1/me").then().statusCode(200);
        double before = laneCount();
        given().auth().oauth2(citizen).get("/api/residency/v1/me").then().statusCode(200);
        given().auth().oauth2(citizen).get("/api/residency/v1/me").then().statusCode(200);
        assertEquals(before + 2, laneCount(), "both later requests took the lane");
    }

    @Test
    void aKnownTokenGetsNoFurtherOnTheLaneThanWithout() throws Exception {
        String citizen = Tokens.of("citizen");
        given().auth().oauth2(citizen).get("/api/residency/v1/me").then().statusCode(200);
        double before = laneCount();

        given().auth().oauth2(citizen).get(IDENTITY).then().statusCode(403).contentType("application/problem+json");
        for (String spelling : new String[] {"/api/residency/v1/./identity/x", "/api/residency/v1/me/../identity/x",
                "/api/residency//v1/identity/x", "/api/residency/v1/%69dentity/x"}) {
            try (RawHttp http = RawHttp.connect()) {
                RawHttp.Answer answer = http.head("GET", spelling,
                        Map.of("Authorization", "Bearer " + citizen, "Connection", "close")).read();
                assertEquals(403, answer.status(), spelling + " is the identity check, refused: " + answer.body());
            }
        }
        assertEquals(before, laneCount(), "none of those took the lane");

        given().auth().oauth2(citizen + "x").get("/api/residency/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/residency/v1/me").then().statusCode(401);
        assertEquals(before, laneCount(), "nor an unknown token, nor none");
    }

    private static double laneCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("portal_gateway_token_lane_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no portal_gateway_token_lane_total in /q/metrics"));
    }
}
