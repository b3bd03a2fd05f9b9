package kr.civilportal.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kr.civilportal.gateway.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * In the tests only loopback's 127.0.0.1 and ::1 are trusted forwarders (as a web app on the same machine would be):
 * their X-Forwarded-For names the client; 127.0.0.2, another loopback address, is anybody.
 */
@QuarkusTest
class ForwardedClientTest {

    /** The limited route's limit per client (BackendsResource). */
    static final int LIMIT = 3;

    @Test
    void aTrustedForwardersAnonymousCitizensAreCountedAndPassedOnOneByOne() {
        String citizen = address();
        String neighbour = address();
        for (int i = 0; i < LIMIT; i++) {
            given().header("X-Forwarded-For", citizen).when().get("/api/limited/v1/public/x")
                    .then().statusCode(200).body("forwardedFor", equalTo(citizen));
        }
        given().header("X-Forwarded-For", citizen).when().get("/api/limited/v1/public/x").then().statusCode(429);
        // Another citizen behind the same web app is another client.
        given().header("X-Forwarded-For", neighbour).when().get("/api/limited/v1/public/x")
                .then().statusCode(200).body("forwardedFor", equalTo(neighbour));
    }

    @Test
    void fromAnyoneElseTheHeaderIsReplacedByTheConnectingAddress() throws Exception {
        String forged = address();
        for (int i = 0; i <= LIMIT; i++) {
            try (RawHttp http = RawHttp.connect("127.0.0.2")) {
                RawHttp.Answer answer = http.head("GET", "/api/limited/v1/public/y",
                        Map.of("X-Forwarded-For", forged + ", " + address(), "Connection", "close")).read();
                if (i < LIMIT) {
                    assertEquals(200, answer.status());
                    assertEquals("127.0.0.2", JsonPath.from(answer.body()).getString("forwardedFor"));
                } else {
                    // Counted as 127.0.0.2 whatever it wrote: a forged header buys no fresh limit.
                    assertEquals(429, answer.status());
                }
            }
        }
    }

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
