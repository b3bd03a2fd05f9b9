package kr.civilportal.residency.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.testing.KeyedWrite;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.residency.demo.DemoResidents;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every write of residency, sent twice under one Idempotency-Key as a phone or the gateway does after a lost
 * answer: done once, the retry gets the first answer; the key for another request is a 422 that changes nothing.
 */
@QuarkusTest
class RetriedWritesTest {

    static final String CERTIFICATES = "/api/residency/v1/certificates";
    static final String MOVE_INS = "/api/residency/v1/move-ins";
    static final String QUEUE = "/api/residency/v1/officer/move-ins";
    static final String SEARCH = "/api/residency/v1/officer/residents/search";

    @Inject
    DataSource dataSource;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    @Test
    void aRetriedIssuanceGetsTheSameCertificateAndPdfAndIssuesNoSecond() throws Exception {
        long before = certificatesOfCitizen();
        KeyedWrite issue = KeyedWrite.post(CERTIFICATES, () -> as("citizen").body("{\"kind\":\"HOUSEHOLD\"}"));
        Response first = issue.twice();
        first.then().statusCode(201).contentType("application/pdf");
        assertEquals(before + 1, certificatesOfCitizen(), "one certificate");
        Response again = issue.send();
        assertEquals(first.header("Issuance-Number"), again.header("Issuance-Number"));
        assertEquals(first.header("Content-Hash"), again.header("Content-Hash"));

        issue.reusedFor(() -> as("citizen").body("{\"kind\":\"PERSONAL_HISTORY\"}"));
        assertEquals(before + 1, certificatesOfCitizen(), "nothing issued under the reused key");
    }

    @Test
    void aRetriedMoveInFilingAndItsDecisionsHappenOnce() {
        String today = LocalDate.now(KoreanTime.ZONE).toString();
        // A register address (one of the road-name register's rows), told apart from earlier runs by its detail.
        String detail = UUID.randomUUID().toString();
        String address = "서울특별시 마포구 월드컵북로 396, " + detail;
        String registered = "서울특별시 마포구 월드컵북로 396 (상암동), " + detail;
        String body = "{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + address + "\",\"movedInOn\":\"" + today + "\"}";
        KeyedWrite file = KeyedWrite.post(MOVE_INS, () -> as("citizen2").body(body));
        String report = file.twice().then().statusCode(201).extract().path("id");
        assertEquals(1, reportsAt(registered), "one report, not a second one nor a 409 for the open one");
        String otherDetail = UUID.randomUUID().toString();
        String other = "서울특별시 마포구 월드컵북로 396, " + otherDetail;
        file.reusedFor(() -> as("citizen2").body(body.replace(address, other)));
        assertEquals(0, reportsAt("서울특별시 마포구 월드컵북로 396 (상암동), " + otherDetail));

        long approvalsLogged = decisionsLogged("전입신고 처리 (승인)");
        KeyedWrite approve = KeyedWrite.post(QUEUE + "/" + report + "/approval", () -> as("residency-officer"));
        approve.twice().then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM address_history WHERE address = ?", registered),
                "the resident moved once");
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM household WHERE address = ?", registered));
        assertEquals(approvalsLogged + 1, decisionsLogged("전입신고 처리 (승인)"), "one decision in the access log");

        // The approval's key on another report is refused, and that report stays undecided.
        String second = as("citizen2").body(body.replace(address, other)).when().post(MOVE_INS)
                .then().statusCode(201).extract().path("id");
        approve.reusedFor(Method.POST, QUEUE + "/" + second + "/approval", () -> as("residency-officer"));
        assertEquals("SUBMITTED", statusOf(second));

        KeyedWrite reject = KeyedWrite.post(QUEUE + "/" + second + "/rejection",
                () -> as("residency-officer").body("{\"reason\":\"거주 사실 미확인\"}"));
        long rejectionsLogged = decisionsLogged("전입신고 처리 (반려)");
        reject.twice().then().statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals("REJECTED", statusOf(second));
        assertEquals(rejectionsLogged + 1, decisionsLogged("전입신고 처리 (반려)"), "one decision in the access log");
        reject.reusedFor(() -> as("residency-officer").body("{\"reason\":\"다른 사유\"}"));
        assertEquals(0, Rows.count(dataSource, "SELECT count(*) FROM move_in_report WHERE rejection_reason = ?",
                "다른 사유"));
    }

    /**
     * The officials' search writes the access log: a retried search (its answer was lost) is the same read,
     * answered again from the first and logged once. Without a key every search is its own read.
     */
    @Test
    void aRetriedRecordSearchIsOneReadInTheAccessLog() {
        String reason = "민원 상담 " + UUID.randomUUID();
        String body = "{\"residentRegistrationNumber\":\"880702-1234564\",\"reason\":\"" + reason + "\"}";
        KeyedWrite search = KeyedWrite.post(SEARCH, () -> as("residency-officer").body(body));
        search.twice().then().statusCode(200).body("record.residentRegistrationNumber", equalTo("880702-1******"));
        assertEquals(1, readsWithReason(reason));
        String otherReason = "다른 열람 " + UUID.randomUUID();
        search.reusedFor(() -> as("residency-officer").body(body.replace(reason, otherReason)));
        assertEquals(0, readsWithReason(otherReason));
        // The stored answer is the answer as sent: the number masked (in the fingerprint it is its keyed hash).
        assertEquals(0, Rows.count(dataSource, "SELECT count(*) FROM idempotency_key WHERE "
                + "position(convert_to('1234564', 'UTF8') in response_body) > 0"));
    }

    @Test
    void aMalformedKeyIsRefusedAndNothingIsIssued() {
        long before = certificatesOfCitizen();
        as("citizen").header(KeyedWrite.KEY_HEADER, "two words").body("{\"kind\":\"HOUSEHOLD\"}")
                .when().post(CERTIFICATES).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:idempotency-key-invalid"));
        assertEquals(before, certificatesOfCitizen());
    }

    private long certificatesOfCitizen() {
        return Rows.count(dataSource, "SELECT count(*) FROM certificate WHERE resident_id = ?", DemoResidents.CITIZEN);
    }

    private long reportsAt(String address) {
        return Rows.count(dataSource, "SELECT count(*) FROM move_in_report WHERE address = ?", address);
    }

    private String statusOf(String report) {
        return given().auth().oauth2(Tokens.of("citizen2")).when().get(MOVE_INS + "/" + report)
                .then().statusCode(200).extract().path("status");
    }

    private long readsWithReason(String reason) {
        return Rows.count(dataSource, "SELECT count(*) FROM access_log WHERE reason = ?", reason);
    }

    private long decisionsLogged(String reason) {
        return Rows.count(dataSource, "SELECT count(*) FROM access_log WHERE resident_id = ? AND reason = ?",
                DemoResidents.CITIZEN2, reason);
    }
}
