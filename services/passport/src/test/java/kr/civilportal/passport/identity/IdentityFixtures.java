package kr.civilportal.passport.identity;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import kr.civilportal.testsupport.Tokens;

/**
 * Passport's tests run without residency (a real outage), so every application's identity check stays PENDING;
 * a test that needs an approval first has an officer confirm the identity by hand, as a desk officer would.
 */
public final class IdentityFixtures {

    private IdentityFixtures() {
    }

    public static void confirmedByOfficer(String applicationId) {
        confirmedByOfficer(applicationId, "passport-officer");
    }

    /** The same by {@code officer}, of the application's office. */
    public static void confirmedByOfficer(String applicationId, String officer) {
        given().auth().oauth2(Tokens.of(officer)).contentType(ContentType.JSON)
                .body("{\"outcome\":\"CONFIRMED\",\"note\":\"신분증 대조 (ID card checked at the desk)\"}")
                .when().post("/api/passport/v1/applications/" + applicationId + "/identity-check")
                .then().statusCode(200);
    }
}
