package kr.civilportal.passport.photo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.passport.identity.IdentityFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PhotoResourceTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String MY_READS = "/api/passport/v1/me/photo-reads";

    @Inject
    DataSource dataSource;

    @Test
    void theApplicantUploadsAndTheApplicantAndOfficersReadIt() throws SQLException {
        String id = submit();
        byte[] photo = TestJpegs.plain(413, 531);
        given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(photo)
                .when().put(PATH + "/" + id + "/photo")
                .then().statusCode(200)
                .body("width", equalTo(413)).body("height", equalTo(531)).body("bytes", equalTo(photo.length));
        byte[] own = given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id + "/photo")
                .then().statusCode(200).contentType("image/jpeg").header("Cache-Control", "no-store")
                .extract().asByteArray();
        assertArrayEquals(photo, own);
        byte[] officers = given().auth().oauth2(Tokens.of("passport-officer")).queryParam("reason", "여권 심사")
                .when().get(PATH + "/" + id + "/photo")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(photo, officers);
        given().auth().oauth2(Tokens.of("citizen2")).when().get(PATH + "/" + id + "/photo")
                .then().statusCode(404).contentType("application/problem+json");

        // A second upload replaces the first.
        byte[] better = TestJpegs.plain(700, 900);
        given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(better)
                .when().put(PATH + "/" + id + "/photo").then().statusCode(200).body("width", equalTo(700));
        assertEquals(1, photoRows(id));
        assertArrayEquals(better, given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id + "/photo")
                .then().statusCode(200).extract().asByteArray());
    }

    @Test
    void anOfficerReadsAPhotoOnlyWithAReasonAndTheApplicantSeesEveryRead() throws SQLException {
        String id = submit();
        given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(TestJpegs.plain(413, 531))
                .when().put(PATH + "/" + id + "/photo").then().statusCode(200);

        // No reason, a blank one or one too long: a field error, no photo and nothing logged.
        for (String reason : new String[] {null, "   ", "x".repeat(201)}) {
            var request = given().auth().oauth2(Tokens.of("passport-officer"));
            if (reason != null) {
                request.queryParam("reason", reason);
            }
            request.when().get(PATH + "/" + id + "/photo")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                    .body("errors.field", hasItem("reason"));
        }
        assertEquals(0, photoReads(id));

        // The longest reason, in Korean, still fits the request line (URL-encoded about 1.8 KB).
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("reason", "가".repeat(200))
                .when().get(PATH + "/" + id + "/photo").then().statusCode(200);
        assertEquals(1, photoReads(id));

        // The applicant's own look is not a read of someone else's data: not logged.
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id + "/photo").then().statusCode(200);
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("reason", "  본인 대조 (identity check)  ")
                .when().get(PATH + "/" + id + "/photo").then().statusCode(200);
        assertEquals(2, photoReads(id));

        // The applicant finds the read among their own (newest first); nobody else learns who looked.
        given().auth().oauth2(Tokens.of("citizen")).when().get(MY_READS)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("[0].applicationId", equalTo(id))
                .body("[0].official", equalTo("passport-officer"))
                .body("[0].reason", equalTo("본인 대조 (identity check)"))
                .body("[0].readAt", org.hamcrest.Matchers.notNullValue())
                .body("findAll { it.applicationId == '" + id + "' }.size()", equalTo(2));
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MY_READS)
                .then().statusCode(200).body("findAll { it.applicationId == '" + id + "' }.size()", equalTo(0));

        // The log is append-only, whoever asks.
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE passport_photo_read SET reason = 'x' WHERE application_id = '" + id + "'"));
        }
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM passport_photo_read WHERE application_id = '" + id + "'"));
        }
        assertEquals(2, photoReads(id));
    }

    @Test
    void aBadPhotoIsAFieldErrorAndNothingIsStored() throws SQLException {
        String id = submit();
        for (byte[] bad : List.of(TestJpegs.png(413, 531), TestJpegs.plain(300, 386), TestJpegs.plain(600, 600),
                TestJpegs.noisy(1400, 1800), new byte[0])) {
            given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(bad)
                    .when().put(PATH + "/" + id + "/photo")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                    .body("errors.field", hasItem("photo"));
        }
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.TEXT).body("hello")
                .when().put(PATH + "/" + id + "/photo")
                .then().statusCode(415).contentType("application/problem+json");
        assertEquals(0, photoRows(id));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id + "/photo")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyTheApplicantUploadsAndOnlyBeforeApproval() throws SQLException {
        String id = submit();
        byte[] photo = TestJpegs.plain(413, 531);
        given().auth().oauth2(Tokens.of("citizen2")).contentType("image/jpeg").body(photo)
                .when().put(PATH + "/" + id + "/photo").then().statusCode(404);
        given().auth().oauth2(Tokens.of("passport-officer")).contentType("image/jpeg").body(photo)
                .when().put(PATH + "/" + id + "/photo").then().statusCode(403);
        given().contentType("image/jpeg").body(photo)
                .when().put(PATH + "/" + id + "/photo").then().statusCode(401);
        assertEquals(0, photoRows(id));

        IdentityFixtures.confirmedByOfficer(id);
        for (String to : List.of("UNDER_REVIEW", "APPROVED")) {
            given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                    .body("{\"to\":\"" + to + "\"}").when().post(PATH + "/" + id + "/transitions")
                    .then().statusCode(200);
        }
        given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(photo)
                .when().put(PATH + "/" + id + "/photo").then().statusCode(409).contentType("application/problem+json");
        assertEquals(0, photoRows(id));
    }

    static String submit() {
        return given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201).extract().path("id");
    }

    private long photoReads(String id) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM passport_photo_read WHERE application_id = '" + id + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private long photoRows(String id) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM passport_photo WHERE application_id = '" + id + "'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
