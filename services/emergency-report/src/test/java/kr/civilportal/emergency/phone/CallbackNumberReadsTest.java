package kr.civilportal.emergency.phone;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.emergency.Fixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A reporter's call-back number reaches a dispatcher only with an entry in the read log (접속기록): the report
 * list, one report, a dispatch step's answer (the live board: BoardStreamTest). A report without a number is no
 * read. The auditor finds the entries; nobody changes them.
 */
@QuarkusTest
class CallbackNumberReadsTest {

    static final String AUDIT = "/api/emergency/v1/audit/record-reads";

    @Inject
    DataSource dataSource;

    @Test
    void everyAnswerThatCarriesANumberInFullIsLoggedForItsDispatcher() throws SQLException {
        String id = report("010-2345-6789");
        assertEquals(List.of(), entries(id));

        dispatcher().when().get(REPORTS + "/" + id).then().statusCode(200)
                .body("reporterPhone", equalTo("010-2345-6789"));
        assertEquals(List.of("dispatcher READ_REPORT 119 신고 상세 조회"), entries(id));

        dispatcher().when().get(REPORTS).then().statusCode(200).body("items.reportId", hasItem(id)); // newest first
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        assertEquals(List.of("dispatcher READ_REPORT 119 신고 상세 조회", "dispatcher LIST_REPORTS 119 신고 목록 조회",
                "dispatcher DISPATCH_STEP 출동 지령 처리 (ACKNOWLEDGED)"), entries(id));

        // A refused step answers no report: nothing read.
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(409);
        assertEquals(3, entries(id).size());
    }

    @Test
    void aReportWithoutANumberReadsNothingPersonal() throws SQLException {
        String id = report(null);
        dispatcher().when().get(REPORTS + "/" + id).then().statusCode(200);
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        assertEquals(List.of(), entries(id));
    }

    @Test
    void theAuditorFindsTheReadsAndNobodyChangesThem() throws SQLException {
        String id = report("010-9876-5432");
        given().auth().oauth2(Tokens.of("supervisor")).when().get(REPORTS + "/" + id).then().statusCode(200);
        String today = LocalDate.now(KoreanTime.ZONE).toString();
        String entry = "reads.find { it.recordId == '" + id + "' }";
        given().auth().oauth2(Tokens.of("auditor")).queryParam("official", "supervisor")
                .queryParam("from", today).queryParam("to", today)
                .when().get(AUDIT).then().statusCode(200).contentType(ContentType.JSON)
                .body(entry + ".record", equalTo("CALLBACK_NUMBER"))
                .body(entry + ".official", equalTo("supervisor"))
                .body(entry + ".role", equalTo("dispatcher"))
                .body(entry + ".action", equalTo("READ_REPORT"))
                .body(entry + ".reason", equalTo("119 신고 상세 조회"));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("to", "내일")
                .when().get(AUDIT).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        for (String user : new String[] {"dispatcher", "supervisor", "citizen", "admin"}) {
            given().auth().oauth2(Tokens.of(user)).when().get(AUDIT).then().statusCode(403);
        }
        assertEquals(1, entries(id).size(), "searching the log writes nothing to it");
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE callback_number_read SET reason = 'x'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM callback_number_read"));
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE callback_number_read"));
        }
    }

    @Test
    void theAuditorFindsOneReportsReadsByItsId() {
        String first = report("010-1111-2222");
        String second = report("010-3333-4444");
        for (String id : new String[] {first, second}) {
            dispatcher().when().get(REPORTS + "/" + id).then().statusCode(200);
        }
        String today = LocalDate.now(KoreanTime.ZONE).toString();
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", second)
                .queryParam("official", "dispatcher").queryParam("from", today).queryParam("to", today)
                .when().get(AUDIT).then().statusCode(200)
                .body("reads.recordId", hasItem(second))
                .body("reads.recordId", everyItem(equalTo(second)));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", first)
                .when().get(AUDIT).then().statusCode(200)
                .body("reads.recordId", hasItem(first))
                .body("reads.recordId", everyItem(equalTo(first)));
        // A PNU (land's record id) names no report: no reads, not an error.
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", "1111010100100010000")
                .when().get(AUDIT).then().statusCode(200).body("reads", empty());
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", "x".repeat(ReadLogSearch.RECORD_ID_MAX + 1))
                .when().get(AUDIT).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("recordId"));
    }

    private static String report(String phone) {
        return given().contentType(ContentType.JSON)
                .body(Fixtures.report("FIRE", "연기가 납니다 " + java.util.UUID.randomUUID(), phone))
                .when().post(REPORTS).then().statusCode(201).extract().path("reportId");
    }

    private static io.restassured.specification.RequestSpecification dispatcher() {
        return given().auth().oauth2(Tokens.of("dispatcher")).contentType(ContentType.JSON);
    }

    /** The report's entries, oldest first: "official ACTION reason". */
    private List<String> entries(String reportId) throws SQLException {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("SELECT official, action, reason FROM callback_number_read"
                     + " WHERE report_id = ?::uuid ORDER BY id")) {
            s.setString(1, reportId);
            List<String> found = new java.util.ArrayList<>();
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
                }
            }
            return found;
        }
    }
}
