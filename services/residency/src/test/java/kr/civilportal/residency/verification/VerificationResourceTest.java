package kr.civilportal.residency.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VerificationResourceTest {

    static final String PATH = "/api/residency/v1/verifications/";

    /** The number shows what was issued, line by line, with the holder's number masked even on a copy that shows it. */
    @Test
    void theNumberShowsTheIssuedContentWithRegistrationNumbersMasked() {
        Response issued = given().auth().oauth2(Tokens.of("citizen")).contentType("application/json")
                .body("{\"kind\":\"PERSONAL_HISTORY\",\"showBackDigits\":true,\"includeFormerAddresses\":true}")
                .when().post("/api/residency/v1/certificates").then().statusCode(201).extract().response();
        String body = given().header("X-Forwarded-For", client()).when().get(PATH + issued.header("Issuance-Number"))
                .then().statusCode(200)
                .body("content.title", equalTo("주민등록표 초본"))
                .body("content.sections.heading", org.hamcrest.Matchers.hasItem("인적 사항"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("김지민") && body.contains("900315-2******"), body);
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("대전광역시 유성구 대학로 99"), "former addresses: " + body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("2123451"), "the back digits stay on the holder's copy");
    }

    @Test
    void anyoneChecksAGenuineNumberWithoutLoggingIn() {
        Response issued = given().auth().oauth2(Tokens.of("citizen2")).contentType("application/json")
                .body("{\"kind\":\"PERSONAL_HISTORY\"}").when().post("/api/residency/v1/certificates")
                .then().statusCode(201).extract().response();
        String number = issued.header("Issuance-Number");
        given().header("X-Forwarded-For", client()).when().get(PATH + number)
                .then().statusCode(200).contentType("application/json")
                .body("issuanceNumber", equalTo(number))
                .body("genuine", equalTo(true))
                .body("kind", equalTo("PERSONAL_HISTORY"))
                .body("kindKo", equalTo("주민등록표 초본"))
                .body("issuedAt", notNullValue())
                .body("contentHash", equalTo(issued.header("Content-Hash")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("holder")));
        // Typed without hyphens, the same answer.
        given().header("X-Forwarded-For", client()).when().get(PATH + number.replace("-", ""))
                .then().statusCode(200).body("issuanceNumber", equalTo(number));
    }

    @Test
    void anUnknownNumberIsNotGenuineAndAMalformedOneIsAFieldError() {
        String unknown = IssuanceNumber.generate().formatted();
        given().header("X-Forwarded-For", client()).when().get(PATH + unknown)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:certificate-not-issued"))
                .body("detailKo", startsWith("이 문서확인번호로 발급된 증명서가 없습니다"));
        given().header("X-Forwarded-For", client()).when().get(PATH + "1234-5678")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("issuanceNumber"));
        char[] digits = unknown.toCharArray();
        digits[18] = (char) ('0' + (digits[18] - '0' + 1) % 10);
        given().header("X-Forwarded-For", client()).when().get(PATH + new String(digits))
                .then().statusCode(400).body("errors[0].field", equalTo("issuanceNumber"));
    }

    @Test
    void repeatedGuessingFromOneAddressIsStoppedAndOthersAreNotAffected() {
        String guesser = client();
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", guesser).when().get(PATH + IssuanceNumber.generate().formatted())
                    .then().statusCode(404);
        }
        given().header("X-Forwarded-For", guesser).when().get(PATH + IssuanceNumber.generate().formatted())
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9]\\d*"))
                .body("type", equalTo("urn:civilportal:problem:too-many-requests"));
        // While blocked, every look-up from there is refused, even a well-formed one.
        given().header("X-Forwarded-For", guesser).when().get(PATH + "0000-0000-0000-0000")
                .then().statusCode(429);
        // The address the gateway appends is the one that counts: a forged first entry changes nothing.
        given().header("X-Forwarded-For", "203.0.113.9, " + guesser).when().get(PATH + IssuanceNumber.generate().formatted())
                .then().statusCode(429);
        given().header("X-Forwarded-For", client()).when().get(PATH + IssuanceNumber.generate().formatted())
                .then().statusCode(404);
    }

    /** A fresh client address per test, so the tests' guessing budgets do not interfere. */
    private static String client() {
        UUID u = UUID.randomUUID();
        return "10." + (u.hashCode() & 0xFF) + "." + ((u.hashCode() >> 8) & 0xFF) + "." + ((u.hashCode() >> 16) & 0xFF);
    }
}
