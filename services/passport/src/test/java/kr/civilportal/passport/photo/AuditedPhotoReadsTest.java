package kr.civilportal.passport.photo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The auditor finds an officer's read of a photo in the read log, by officer and day, and changes nothing. */
@QuarkusTest
class AuditedPhotoReadsTest {

    static final String SEARCH = "/api/passport/v1/audit/record-reads";

    @Test
    void theAuditorFindsAnOfficersReadOfAPhotoByOfficerAndDay() {
        String id = PhotoResourceTest.submit();
        given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(TestJpegs.plain(413, 531))
                .when().put("/api/passport/v1/applications/" + id + "/photo").then().statusCode(200);
        String reason = "본인 대조 " + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("reason", reason)
                .when().get("/api/passport/v1/applications/" + id + "/photo").then().statusCode(200);
        String today = LocalDate.now(KoreanTime.ZONE).toString();
        String entry = "reads.find { it.reason == '" + reason + "' }";

        given().auth().oauth2(Tokens.of("auditor")).queryParam("official", "passport-officer")
                .queryParam("from", today).queryParam("to", today)
                .when().get(SEARCH).then().statusCode(200).contentType(ContentType.JSON)
                .body(entry + ".record", equalTo("PASSPORT_PHOTO"))
                .body(entry + ".recordId", equalTo(id))
                .body(entry + ".official", equalTo("passport-officer"))
                .body(entry + ".role", equalTo("passport-officer"))
                .body(entry + ".action", equalTo("READ_PHOTO"))
                .body("truncated", equalTo(false));
        // Without any filter: the last month, by anyone.
        given().auth().oauth2(Tokens.of("auditor")).when().get(SEARCH)
                .then().statusCode(200).body("reads.reason", hasItem(reason));
        // Another officer's name, or days before the read: not there.
        given().auth().oauth2(Tokens.of("auditor")).queryParam("official", "residency-officer")
                .when().get(SEARCH).then().statusCode(200).body("reads.reason", not(hasItem(reason)));
        String yesterday = LocalDate.now(KoreanTime.ZONE).minusDays(1).toString();
        given().auth().oauth2(Tokens.of("auditor")).queryParam("to", yesterday)
                .when().get(SEARCH).then().statusCode(200).body("reads.reason", not(hasItem(reason)));
    }

    @Test
    void theAuditorFindsOneApplicationsPhotoReadsByItsId() {
        String first = readPhotoOf(PhotoResourceTest.submit());
        String second = readPhotoOf(PhotoResourceTest.submit());
        String today = LocalDate.now(KoreanTime.ZONE).toString();

        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", second)
                .queryParam("official", "passport-officer").queryParam("from", today).queryParam("to", today)
                .when().get(SEARCH).then().statusCode(200)
                .body("reads.recordId", hasItem(second))
                .body("reads.recordId", everyItem(equalTo(second)));
        // In capitals, as some tools copy a UUID: the same application.
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", first.toUpperCase())
                .when().get(SEARCH).then().statusCode(200)
                .body("reads.recordId", hasItem(first))
                .body("reads.recordId", everyItem(equalTo(first)));
        // A PNU (land's record id) names no application: no reads, not an error.
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", "1111010100100010000")
                .when().get(SEARCH).then().statusCode(200).body("reads", empty());
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", "x".repeat(ReadLogSearch.RECORD_ID_MAX + 1))
                .when().get(SEARCH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("recordId"));
    }

    /** A photo put on the application and read once by an officer; the application's id. */
    private static String readPhotoOf(String id) {
        given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(TestJpegs.plain(413, 531))
                .when().put("/api/passport/v1/applications/" + id + "/photo").then().statusCode(200);
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("reason", "본인 대조")
                .when().get("/api/passport/v1/applications/" + id + "/photo").then().statusCode(200);
        return id;
    }

    @Test
    void aBadSearchIsAFieldError() {
        given().auth().oauth2(Tokens.of("auditor")).queryParam("from", "2026-12-40").queryParam("to", "어제")
                .when().get(SEARCH).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("errors.field", hasItem("from")).body("errors.field", hasItem("to"));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("from", "2026-12-05").queryParam("to", "2026-12-04")
                .when().get(SEARCH).then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("from", "2024-01-01").queryParam("to", "2026-12-04")
                .when().get(SEARCH).then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void officersAndCitizensCannotSearchTheLog() {
        for (String user : new String[] {"passport-officer", "citizen", "admin"}) {
            given().auth().oauth2(Tokens.of(user)).when().get(SEARCH)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }
}
