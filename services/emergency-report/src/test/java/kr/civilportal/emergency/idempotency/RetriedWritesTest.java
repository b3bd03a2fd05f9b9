package kr.civilportal.emergency.idempotency;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.testing.KeyedWrite;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.emergency.Fixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The writes of the 119 service besides the plain report (IdempotencyTest), sent twice under one
 * Idempotency-Key as a phone, a dispatcher's console or the gateway does after a lost answer: done once, the
 * retry gets the first answer; the key for another request is a 422 that changes nothing.
 */
@QuarkusTest
class RetriedWritesTest {

    static final String RECEIPTS = "/api/emergency/v1/receipts";

    @Inject
    DataSource dataSource;

    private static RequestSpecification dispatcher() {
        return given().auth().oauth2(Tokens.of("dispatcher")).contentType(ContentType.JSON);
    }

    private static ExtractableResponse<Response> newReport() {
        return given().contentType(ContentType.JSON).body(Fixtures.uniqueReport()).when().post(REPORTS)
                .then().statusCode(201).extract();
    }

    @Test
    void aRetriedReportWithPhotosIsOneReportWithItsPhotosOnce() {
        String description = "사진 첨부 재전송 " + UUID.randomUUID();
        String report = Fixtures.report("FIRE", description, "010-2345-6789");
        byte[] photo = Fixtures.jpeg(40_000);
        KeyedWrite send = KeyedWrite.post(REPORTS, () -> given().multiPart(reportPart(report))
                .multiPart("attachments", "fire.jpg", photo, "image/jpeg"));
        String id = send.twice().then().statusCode(201).body("attachments", hasSize(1)).extract().path("reportId");
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM emergency_report WHERE description = ?", description));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM report_attachment WHERE report_id = ?::uuid", id));
        send.reusedFor(() -> given().multiPart(reportPart(report))
                .multiPart("attachments", "other.jpg", Fixtures.jpeg(41_000), "image/jpeg"));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM report_attachment WHERE report_id = ?::uuid", id));
    }

    @Test
    void aReportersRetriedFilesAreAddedOnce() {
        var receipt = newReport();
        String id = receipt.path("reportId");
        String token = receipt.path("receiptToken");
        byte[] photo = Fixtures.jpeg(30_000);
        KeyedWrite add = KeyedWrite.post(RECEIPTS + "/" + id + "/attachments", () -> given()
                .header("Receipt-Token", token).multiPart("attachments", "later.jpg", photo, "image/jpeg"));
        add.twice().then().statusCode(201).body("added", hasSize(1));
        assertEquals(1, attachmentsOf(id));
        assertEquals(1, events(id, "ATTACHMENT_ADDED"));
        add.reusedFor(() -> given().header("Receipt-Token", token)
                .multiPart("attachments", "another.jpg", Fixtures.jpeg(31_000), "image/jpeg"));
        assertEquals(1, attachmentsOf(id));
    }

    @Test
    void aDispatchersRetriedStepsAreTakenOnceAndNotRefusedAsAlreadyTaken() {
        String id = newReport().path("reportId");
        String other = newReport().path("reportId");
        String steps = REPORTS + "/" + id;

        KeyedWrite acknowledge = KeyedWrite.post(steps + "/acknowledgement", RetriedWritesTest::dispatcher);
        acknowledge.twice().then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        assertEquals(1, events(id, "ACKNOWLEDGED"));
        acknowledge.reusedFor(Method.POST, REPORTS + "/" + other + "/acknowledgement", RetriedWritesTest::dispatcher);
        assertEquals(0, events(other, "ACKNOWLEDGED"), "the other report stays unacknowledged");

        KeyedWrite assign = KeyedWrite.post(steps + "/assignment", () -> dispatcher().body("{\"unit\":\"종로소방서 펌프1\"}"));
        assign.twice().then().statusCode(200).body("assignedUnit", equalTo("종로소방서 펌프1"));
        assertEquals(1, events(id, "UNIT_ASSIGNED"));
        assign.reusedFor(() -> dispatcher().body("{\"unit\":\"중부소방서 구급1\"}"));
        assertEquals(1, events(id, "UNIT_ASSIGNED"));

        KeyedWrite note = KeyedWrite.post(steps + "/notes", () -> dispatcher().body("{\"text\":\"현장 도착 5분 예상\"}"));
        note.twice().then().statusCode(201);
        assertEquals(1, events(id, "NOTE"));
        note.reusedFor(() -> dispatcher().body("{\"text\":\"다른 메모\"}"));
        assertEquals(1, events(id, "NOTE"));

        KeyedWrite close = KeyedWrite.post(steps + "/closure", () -> dispatcher().body("{\"outcome\":\"RESOLVED\"}"));
        close.twice().then().statusCode(200).body("status", equalTo("CLOSED"));
        assertEquals(1, events(id, "CLOSED"));
        close.reusedFor(() -> dispatcher().body("{\"outcome\":\"DUPLICATE\"}"));
        dispatcher().when().get(steps).then().body("outcome", equalTo("RESOLVED"));
    }

    /** The JSON part in UTF-8 (a text part is otherwise sent in ISO-8859-1, which has no Hangul). */
    private static MultiPartSpecification reportPart(String json) {
        return new MultiPartSpecBuilder(json).controlName("report").mimeType("application/json")
                .charset(StandardCharsets.UTF_8).build();
    }

    private long events(String report, String kind) {
        return Rows.count(dataSource, "SELECT count(*) FROM report_event WHERE report_id = ?::uuid AND kind = ?",
                report, kind);
    }

    private long attachmentsOf(String report) {
        return Rows.count(dataSource, "SELECT count(*) FROM report_attachment WHERE report_id = ?::uuid", report);
    }
}
