package kr.civilportal.residency.accesslog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.residency.demo.DemoResidents;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessLogTest {

    static final String OFFICER = "/api/residency/v1/officer/residents";
    static final String AUDIT = "/api/residency/v1/audit/record-reads";
    /** 박준호, of the citizen's household: in the same officer's jurisdiction, as citizen2 is not. */
    static final UUID SPOUSE = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000003");

    @Inject
    DataSource dataSource;

    @Test
    void anOfficersReadIsLoggedWithItsReasonAndTheResidentSeesIt() {
        String reason = "전입 사실 조사 " + UUID.randomUUID();
        String body = given().auth().oauth2(Tokens.of("residency-officer")).queryParam("reason", reason)
                .when().get(OFFICER + "/" + DemoResidents.CITIZEN)
                .then().statusCode(200)
                .body("record.name", equalTo("김지민"))
                .body("record.residentRegistrationNumber", equalTo("900315-2******"))
                .body("addressHistory.address", hasItem("대전광역시 유성구 대학로 99, 201호"))
                .extract().asString();
        assertFalse(body.contains("2123451"));
        given().auth().oauth2(Tokens.of("citizen")).when().get("/api/residency/v1/me/access-log")
                .then().statusCode(200)
                .body("find { it.reason == '" + reason + "' }.official", equalTo("residency-officer"))
                .body("find { it.reason == '" + reason + "' }.action", equalTo("READ_RECORD"))
                .body("find { it.reason == '" + reason + "' }.role", equalTo("residency-officer"));
        given().auth().oauth2(Tokens.of("citizen2")).when().get("/api/residency/v1/me/access-log")
                .then().statusCode(200).body("reason", org.hamcrest.Matchers.not(hasItem(reason)));
    }

    @Test
    void anOfficerFindsAResidentByNumberOnlyWithAValidNumberAndAReason() throws SQLException {
        long before = entries();
        given().auth().oauth2(Tokens.of("residency-officer")).contentType("application/json")
                .body("{\"residentRegistrationNumber\":\"880702-1234564\",\"reason\":\"민원 상담\"}")
                .when().post(OFFICER + "/search").then().statusCode(200)
                .body("record.residentRegistrationNumber", equalTo("880702-1******"));
        assertEquals(before + 1, entries());
        given().auth().oauth2(Tokens.of("residency-officer")).contentType("application/json")
                .body("{\"residentRegistrationNumber\":\"951108-2456781\",\"reason\":\"민원 상담\"}")
                .when().post(OFFICER + "/search").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("residentRegistrationNumber"))
                .body("errors[0].detail", equalTo("The check digit of the resident registration number is wrong."));
        given().auth().oauth2(Tokens.of("residency-officer")).contentType("application/json")
                .body("{\"residentRegistrationNumber\":\"880702-1234564\"}")
                .when().post(OFFICER + "/search").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.of("residency-officer")).when().get(OFFICER + "/" + DemoResidents.CITIZEN)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.of("residency-officer")).queryParam("reason", "조사")
                .when().get(OFFICER + "/" + UUID.randomUUID()).then().statusCode(404);
        // A reason in the query: at most 200 characters, a field error past them (not the server's bare 414).
        given().auth().oauth2(Tokens.of("residency-officer")).queryParam("reason", "가".repeat(201))
                .when().get(OFFICER + "/" + DemoResidents.CITIZEN).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        assertEquals(before + 1, entries(), "refused reads are not logged as reads, and write nothing");
        given().auth().oauth2(Tokens.of("residency-officer")).queryParam("reason", "가".repeat(200))
                .when().get(OFFICER + "/" + DemoResidents.CITIZEN).then().statusCode(200);
        assertEquals(before + 2, entries(), "the longest reason still fits the request line, and is logged");
    }

    @Test
    void officersOfOtherDepartmentsAndCitizensCannotReadRecords() {
        for (String user : new String[] {"passport-officer", "land-officer", "dispatcher", "citizen"}) {
            given().auth().oauth2(Tokens.of(user)).queryParam("reason", "조사")
                    .when().get(OFFICER + "/" + DemoResidents.CITIZEN)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void theAuditorFindsAnOfficersReadByOfficerAndDayAndChangesNothing() throws SQLException {
        String reason = "감사 대상 열람 " + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("residency-officer")).queryParam("reason", reason)
                .when().get(OFFICER + "/" + DemoResidents.CITIZEN).then().statusCode(200);
        long before = entries();
        String today = java.time.LocalDate.now(kr.civilportal.common.time.KoreanTime.ZONE).toString();
        String entry = "reads.find { it.reason == '" + reason + "' }";
        given().auth().oauth2(Tokens.of("auditor")).queryParam("official", "residency-officer")
                .queryParam("from", today).queryParam("to", today)
                .when().get(AUDIT).then().statusCode(200)
                .body(entry + ".record", equalTo("RESIDENT_RECORD"))
                .body(entry + ".recordId", equalTo(DemoResidents.CITIZEN.toString()))
                .body(entry + ".official", equalTo("residency-officer"))
                .body(entry + ".role", equalTo("residency-officer"))
                .body(entry + ".action", equalTo("READ_RECORD"));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("official", "passport-officer")
                .when().get(AUDIT).then().statusCode(200).body("reads.reason", org.hamcrest.Matchers.not(hasItem(reason)));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("from", "12/01/2026")
                .when().get(AUDIT).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        assertEquals(before, entries(), "an auditor's search reads the log and writes nothing to it");
        // The auditor reads the log, not the records.
        given().auth().oauth2(Tokens.of("auditor")).queryParam("reason", "감사")
                .when().get(OFFICER + "/" + DemoResidents.CITIZEN).then().statusCode(403);
    }

    @Test
    void theAuditorFindsOneResidentsReadsByTheirId() {
        for (UUID resident : new UUID[] {DemoResidents.CITIZEN, SPOUSE}) {
            given().auth().oauth2(Tokens.of("residency-officer")).queryParam("reason", "전입 사실 조사")
                    .when().get(OFFICER + "/" + resident).then().statusCode(200);
        }
        String today = java.time.LocalDate.now(kr.civilportal.common.time.KoreanTime.ZONE).toString();
        String second = SPOUSE.toString();
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", second)
                .queryParam("official", "residency-officer").queryParam("from", today).queryParam("to", today)
                .when().get(AUDIT).then().statusCode(200)
                .body("reads.recordId", hasItem(second))
                .body("reads.recordId", everyItem(equalTo(second)));
        String first = DemoResidents.CITIZEN.toString();
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", first)
                .when().get(AUDIT).then().statusCode(200)
                .body("reads.recordId", hasItem(first))
                .body("reads.recordId", everyItem(equalTo(first)));
        // A PNU (land's record id) names no resident: no reads, not an error.
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", "1111010100100010000")
                .when().get(AUDIT).then().statusCode(200).body("reads", empty());
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", "x".repeat(ReadLogSearch.RECORD_ID_MAX + 1))
                .when().get(AUDIT).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("recordId"));
    }

    @Test
    void noApiChangesTheLogAndTheDatabaseRefusesToo() throws SQLException {
        String citizen = Tokens.of("citizen");
        given().auth().oauth2(citizen).when().delete("/api/residency/v1/me/access-log").then().statusCode(405);
        given().auth().oauth2(citizen).contentType("application/json").body("[]")
                .when().put("/api/residency/v1/me/access-log").then().statusCode(405);
        given().auth().oauth2(Tokens.of("residency-officer")).queryParam("reason", "보존 확인")
                .when().get(OFFICER + "/" + DemoResidents.CITIZEN).then().statusCode(200);
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE access_log SET reason = 'x'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM access_log"));
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE access_log"));
        }
    }

    private long entries() throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM access_log")) {
            r.next();
            return r.getLong(1);
        }
    }
}
