package kr.civilportal.residency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Sends resident registration numbers through every input that takes one (valid, wrong check digit, bad
 * date, wrong type, unknown field, oversized, as a path segment) and checks that no response body or header,
 * and no line the service logged, carries a number's back digits.
 */
@QuarkusTest
class NoUnmaskedNumberTest {

    /** Valid (the demo residents') and invalid numbers; the last seven digits must never come back. */
    static final List<String> NUMBERS = List.of("900315-2123451", "951108-2456787", "880702-1234564",
            "900315-2123457", "901315-2123451", "951108-2456781", "9511082456787", "850505-2345671");
    static final Path LOG = Path.of("target/residency-test.log");

    @Test
    void noNumberEverComesBackUnmaskedInABodyOrALogLine() throws IOException {
        String officer = Tokens.of("residency-officer");
        String citizen = Tokens.of("citizen");
        List<Response> responses = new ArrayList<>();
        for (String n : NUMBERS) {
            responses.add(given().auth().oauth2(officer).contentType("application/json")
                    .body("{\"residentRegistrationNumber\":\"" + n + "\",\"reason\":\"조사\"}")
                    .when().post("/api/residency/v1/officer/residents/search"));
            responses.add(given().auth().oauth2(officer).contentType("application/json")
                    .body("{\"residentRegistrationNumber\":\"" + n + "\",\"reason\":\"조사\",\"extra\":\"" + n + "\"}")
                    .when().post("/api/residency/v1/officer/residents/search"));
            responses.add(given().auth().oauth2(officer).contentType("application/json")
                    .body("{\"residentRegistrationNumber\":[\"" + n + "\"],\"reason\":\"조사\"}")
                    .when().post("/api/residency/v1/officer/residents/search"));
            responses.add(given().auth().oauth2(officer).contentType("application/json")
                    .body("{\"residentRegistrationNumber\":\"" + n + "\",\"reason\":")
                    .when().post("/api/residency/v1/officer/residents/search"));
            responses.add(given().auth().oauth2(officer).queryParam("reason", n)
                    .when().get("/api/residency/v1/officer/residents/" + n));
            responses.add(given().auth().oauth2(Tokens.of("citizen2")).contentType("application/json")
                    .body("{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"" + n
                            + "\",\"relationToHead\":\"CHILD\",\"movedInOn\":\"2099-01-01\"}")
                    .when().post("/api/residency/v1/move-ins"));
            responses.add(given().auth().oauth2(citizen).contentType("application/json")
                    .body("{\"kind\":\"" + n + "\"}").when().post("/api/residency/v1/certificates"));
            responses.add(given().header("X-Forwarded-For", "198.51.100." + (n.hashCode() & 0x7F))
                    .when().get("/api/residency/v1/verifications/" + n));
            responses.add(given().auth().oauth2(officer).contentType("application/json")
                    .body("{\"residentRegistrationNumber\":\"" + n + "\",\"reason\":\"" + "x".repeat(17_000) + "\"}")
                    .when().post("/api/residency/v1/officer/residents/search"));
        }
        responses.add(given().auth().oauth2(citizen).when().get("/api/residency/v1/me"));
        // Asking for the back digits in the query changes nothing: no parameter shows them.
        responses.add(given().auth().oauth2(citizen).queryParam("kind", "HOUSEHOLD").queryParam("showBackDigits", true)
                .when().get("/api/residency/v1/certificates"));

        for (Response r : responses) {
            String seen = r.asString() + " " + r.getHeaders();
            for (String n : NUMBERS) {
                String back = n.replace("-", "").substring(7);
                assertFalse(seen.contains(back), "a response carried the back digits of a number: " + r.statusLine());
            }
        }

        assertTrue(Files.exists(LOG), "the test profile writes the service log to " + LOG);
        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            for (String n : NUMBERS) {
                String digits = n.replace("-", "");
                assertFalse(line.contains(digits) || line.contains(digits.substring(0, 6) + "-" + digits.substring(6)),
                        "a log line carried an unmasked number: " + line.replaceAll("\\d{7}", "#######"));
            }
        }
    }
}
