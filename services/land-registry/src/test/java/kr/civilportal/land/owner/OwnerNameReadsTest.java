package kr.civilportal.land.owner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Owners' names reach land officers only with an entry in the read log (접속기록): a look-up, an extract issued or
 * downloaded in full. Citizens see them masked, which is no read. The auditor finds the entries; nobody changes them.
 */
@QuarkusTest
class OwnerNameReadsTest {

    /** 서울 종로구 청운동 1: an owner history of three. */
    static final String CHEONGUN_1 = "1111010100100010000";
    /** 서울 종로구 청운동 2-3: another parcel, whose reads a search of 청운동 1 leaves out. */
    static final String CHEONGUN_2_3 = "1111010100100020003";
    static final String PARCEL = "/api/land/v1/parcels/{pnu}";
    static final String AUDIT = "/api/land/v1/audit/record-reads";

    @Inject
    DataSource dataSource;

    @Test
    void anOfficersLookUpIsLoggedOnceTheNamesLeaveAndACitizensIsNot() throws SQLException {
        long before = entries(CHEONGUN_1, "READ_OWNERS");
        String tag = given().auth().oauth2(Tokens.of("land-officer")).when().get(PARCEL, CHEONGUN_1)
                .then().statusCode(200).body("ownerHistory.ownerName", hasItem("김서연"))
                .extract().header("ETag");
        assertEquals(before + 1, entries(CHEONGUN_1, "READ_OWNERS"));

        // Unchanged since the officer's copy: no names in the answer, no entry.
        given().auth().oauth2(Tokens.of("land-officer")).header("If-None-Match", tag).when().get(PARCEL, CHEONGUN_1)
                .then().statusCode(304);
        // Citizens see the names masked: nothing personal was read.
        given().auth().oauth2(Tokens.of("citizen")).when().get(PARCEL, CHEONGUN_1)
                .then().statusCode(200).body("ownerHistory.ownerName", hasItem("김*연"));
        assertEquals(before + 1, entries(CHEONGUN_1, "READ_OWNERS"));
    }

    @Test
    void anOfficersExtractIsLoggedWhenIssuedAndWhenDownloadedAgain() throws SQLException {
        long issued = entries(CHEONGUN_1, "ISSUE_EXTRACT");
        long downloaded = entries(CHEONGUN_1, "DOWNLOAD_EXTRACT");
        String number = given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON)
                .body("{\"pnu\":\"" + CHEONGUN_1 + "\"}").when().post("/api/land/v1/extracts")
                .then().statusCode(201).extract().header("Issuance-Number");
        assertEquals(issued + 1, entries(CHEONGUN_1, "ISSUE_EXTRACT"));
        given().auth().oauth2(Tokens.of("land-officer")).when().get("/api/land/v1/extracts/{n}/pdf", number)
                .then().statusCode(200).contentType("application/pdf");
        assertEquals(downloaded + 1, entries(CHEONGUN_1, "DOWNLOAD_EXTRACT"));

        // A citizen's extract is masked: issuing and downloading it reads no names.
        String masked = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"pnu\":\"" + CHEONGUN_1 + "\"}").when().post("/api/land/v1/extracts")
                .then().statusCode(201).extract().header("Issuance-Number");
        given().auth().oauth2(Tokens.of("citizen")).when().get("/api/land/v1/extracts/{n}/pdf", masked)
                .then().statusCode(200);
        assertEquals(issued + 1, entries(CHEONGUN_1, "ISSUE_EXTRACT"));
        assertEquals(downloaded + 1, entries(CHEONGUN_1, "DOWNLOAD_EXTRACT"));
    }

    @Test
    void theAuditorFindsTheReadsAndNobodyChangesThem() throws SQLException {
        given().auth().oauth2(Tokens.of("land-officer")).when().get(PARCEL, CHEONGUN_1).then().statusCode(200);
        String today = LocalDate.now(KoreanTime.ZONE).toString();
        long before = entries(CHEONGUN_1, "READ_OWNERS");
        String entry = "reads.find { it.recordId == '" + CHEONGUN_1 + "' && it.action == 'READ_OWNERS' }";
        given().auth().oauth2(Tokens.of("auditor")).queryParam("official", "land-officer")
                .queryParam("from", today).queryParam("to", today)
                .when().get(AUDIT).then().statusCode(200).contentType(ContentType.JSON)
                .body(entry + ".record", equalTo("LAND_OWNERS"))
                .body(entry + ".official", equalTo("land-officer"))
                .body(entry + ".role", equalTo("land-officer"))
                .body(entry + ".reason", equalTo("토지대장 조회"));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("from", "어제")
                .when().get(AUDIT).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        for (String user : new String[] {"land-officer", "citizen", "admin"}) {
            given().auth().oauth2(Tokens.of(user)).when().get(AUDIT).then().statusCode(403);
        }
        assertEquals(before, entries(CHEONGUN_1, "READ_OWNERS"), "searching the log writes nothing to it");
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE owner_name_read SET reason = 'x'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM owner_name_read"));
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE owner_name_read"));
        }
    }

    @Test
    void theAuditorFindsOneParcelsReadsByItsPnu() {
        for (String pnu : new String[] {CHEONGUN_1, CHEONGUN_2_3}) {
            given().auth().oauth2(Tokens.of("land-officer")).when().get(PARCEL, pnu).then().statusCode(200);
        }
        String today = LocalDate.now(KoreanTime.ZONE).toString();
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", " " + CHEONGUN_2_3 + " ")
                .queryParam("official", "land-officer").queryParam("from", today).queryParam("to", today)
                .when().get(AUDIT).then().statusCode(200)
                .body("reads", not(empty()))
                .body("reads.recordId", everyItem(equalTo(CHEONGUN_2_3)));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", CHEONGUN_1)
                .when().get(AUDIT).then().statusCode(200)
                .body("reads", not(empty()))
                .body("reads.recordId", everyItem(equalTo(CHEONGUN_1)));
        // An id of another service's kind (a resident's UUID) names no parcel: no reads, not an error.
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", "0b7e3c52-6f1d-4d8e-9a51-2f0c8d7a1e44")
                .when().get(AUDIT).then().statusCode(200).body("reads", empty());
        given().auth().oauth2(Tokens.of("auditor"))
                .queryParam("recordId", "1".repeat(ReadLogSearch.RECORD_ID_MAX + 1))
                .when().get(AUDIT).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("recordId"));
    }

    private long entries(String pnu, String action) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM owner_name_read WHERE pnu = '" + pnu + "' AND action = '"
                     + action + "'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
