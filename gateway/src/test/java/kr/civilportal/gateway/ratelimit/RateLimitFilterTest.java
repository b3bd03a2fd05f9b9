package kr.civilportal.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The {@code limited} route of the test backends allows 3 requests per hour per client. */
@QuarkusTest
class RateLimitFilterTest {

    static final int LIMIT = 3;

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersAreNotAffected() {
        String citizen = Tokens.of("citizen");
        for (int i = 0; i < LIMIT; i++) {
            given().auth().oauth2(citizen).when().get("/api/limited/v1/x").then().statusCode(200);
        }
        given().auth().oauth2(citizen).when().get("/api/limited/v1/x")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:civilportal:problem:too-many-requests"))
                .body("status", equalTo(429));
        // Counted by token subject, not by address: another person on the same machine is served.
        given().auth().oauth2(Tokens.of("dispatcher")).when().get("/api/limited/v1/x").then().statusCode(200);
        // Other routes have their own limits.
        given().auth().oauth2(citizen).when().get("/api/residency/v1/me").then().statusCode(200);
    }

    @Test
    void aNeverRefusedPathGoesThroughWhateverTheCount() {
        String citizen2 = Tokens.of("citizen2");
        for (int i = 0; i < LIMIT * 3; i++) {
            given().auth().oauth2(citizen2).contentType("application/json").body("{}")
                    .when().post("/api/limited/v1/reports").then().statusCode(200);
        }
        // The count was kept: the same person's other requests are limited.
        given().auth().oauth2(citizen2).when().get("/api/limited/v1/x").then().statusCode(429);
    }
}
