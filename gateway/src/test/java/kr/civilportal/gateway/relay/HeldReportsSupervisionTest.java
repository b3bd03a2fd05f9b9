package kr.civilportal.gateway.relay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 보류·전달 실패 신고 관리: a dispatch supervisor finds the reports the service refused, reads one with a reason
 * (logged first), sends it again once the service is fixed, or settles it (its personal data then erased), through
 * the gateway's real HTTP API, real Keycloak tokens and the gateway's real journal.
 */
@QuarkusTest
class HeldReportsSupervisionTest {

    static final String HELD = "/api/relay/v1/held-reports";
    static final String PHONE = RelayTest.PHONE;

    @Inject
    HeldReportForwarder forwarder;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = EmergencyStandInResource.CONTROL_PORT)
    int controlPort;

    final HttpClient http = HttpClient.newHttpClient();
    final String supervisor = Tokens.of("supervisor");

    @AfterEach
    void serviceBack() throws Exception {
        control("up");
        forwarder.forwardDue();
    }

    @Test
    void onlySupervisorsSeeHeldReports() {
        given().when().get(HELD).then().statusCode(401).contentType("application/problem+json");
        for (String official : List.of("dispatcher", "admin", "auditor", "citizen")) {
            given().auth().oauth2(Tokens.of(official)).when().get(HELD)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(supervisor).when().get(HELD).then().statusCode(200);
        given().auth().oauth2(supervisor).when().get(HELD + "?state=LOST")
                .then().statusCode(400).body("errors.field", hasItem("state"));
    }

    @Test
    void aRefusedReportIsReadWithAReasonThenSentAgainOnceTheServiceTakesIt() throws Exception {
        String id = refused(RelayTest.multipart(RelayTest.report("REFUSE 다시 보낼 신고"), 20_000));

        // Listed without personal data, with the service's reason.
        String list = given().auth().oauth2(supervisor).when().get(HELD).then().statusCode(200)
                .extract().asString();
        JsonPath listed = JsonPath.from(list);
        String at = "reports.find { it.relayId == '" + id + "' }";
        assertEquals("FAILED", listed.getString(at + ".state"));
        assertEquals(400, listed.getInt(at + ".refusal.status"));
        assertEquals(List.of("description"), listed.getList(at + ".refusal.fields"));
        assertFalse(list.contains(PHONE) || list.contains("126.97"), "no personal data in the list");

        // No reason, no content, nothing logged.
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id + "/content")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id + "/content?reason=" + "가".repeat(201))
                .then().statusCode(400);
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id).then().statusCode(200)
                .body("steps.size()", equalTo(0));
        given().auth().oauth2(Tokens.of("dispatcher")).when().get(HELD + "/" + id + "/content?reason=x")
                .then().statusCode(403);

        // With a reason: the report's text and what its files are; the read is logged with the reason.
        given().auth().oauth2(supervisor).queryParam("reason", "전달 실패 신고 확인 후 회신")
                .when().get(HELD + "/" + id + "/content")
                .then().statusCode(200)
                .body("report", containsString(PHONE)).body("report", containsString("다시 보낼 신고"))
                .body("attachments[0].filename", equalTo("fire.jpg"))
                .body("attachments[0].contentType", equalTo("image/jpeg"))
                .body("attachments[0].bytes", equalTo(20_000));
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id).then().statusCode(200)
                .body("steps[0].step", equalTo("READ_CONTENT")).body("steps[0].official", equalTo("supervisor"))
                .body("steps[0].note", equalTo("전달 실패 신고 확인 후 회신"));

        // Still refused: it cannot be settled by a retry of the same bytes... until the service is fixed.
        control("fix-refusal");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) { // a repeat with the same key is one step
            given().auth().oauth2(supervisor).contentType("application/json").header("Idempotency-Key", key)
                    .body("{\"note\":\"수정 배포 후 재전달\"}")
                    .when().post(HELD + "/" + id + "/retry")
                    .then().statusCode(200).body("state", equalTo("HELD")).body("lastError", nullValue());
        }
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id).then()
                .body("steps.step", equalTo(List.of("READ_CONTENT", "RETRY")));
        assertEquals(1, forwarder.forwardDue());
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id).then().body("state", equalTo("DELIVERED"));
        // A delivered report's content is no longer the gateway's; nor can it be sent again.
        given().auth().oauth2(supervisor).queryParam("reason", "확인").when().get(HELD + "/" + id + "/content")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(supervisor).contentType("application/json").body("{}")
                .when().post(HELD + "/" + id + "/retry").then().statusCode(409);
    }

    @Test
    void aRefusedReportSettledByOtherMeansLosesItsPersonalDataAndTheReporterIsTold() throws Exception {
        String id = refused(RelayTest.report("REFUSE 전화로 처리할 신고").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(supervisor).contentType("application/json").body("{\"note\":\"  \"}")
                .when().post(HELD + "/" + id + "/resolution")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id).then().body("state", equalTo("FAILED"));

        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(supervisor).contentType("application/json").header("Idempotency-Key", key)
                    .body("{\"note\":\"신고자에게 전화해 확인, 종합상황실 직접 접수\"}")
                    .when().post(HELD + "/" + id + "/resolution")
                    .then().statusCode(200).body("state", equalTo("RESOLVED"))
                    .body("resolvedBy", equalTo("supervisor"))
                    .body("resolution", equalTo("신고자에게 전화해 확인, 종합상황실 직접 접수"));
        }
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id).then()
                .body("steps.step", equalTo(List.of("RESOLVE")));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT body, client_address FROM held_report WHERE id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertNull(r.getBytes(1), "the report's content is erased");
                assertNull(r.getBytes(2), "and the reporter's address");
            }
        }
        given().auth().oauth2(supervisor).queryParam("reason", "확인").when().get(HELD + "/" + id + "/content")
                .then().statusCode(409);
        given().auth().oauth2(supervisor).contentType("application/json").body("{}")
                .when().post(HELD + "/" + id + "/retry").then().statusCode(409);
        given().auth().oauth2(supervisor).when().get(HELD).then()
                .body("reports.relayId", not(hasItem(id)));
        given().auth().oauth2(supervisor).when().get(HELD + "?state=RESOLVED").then()
                .body("reports.relayId", hasItem(id));
        assertThrows(SQLException.class, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("DELETE FROM held_report_step WHERE held_report_id = ?::uuid")) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }, "the steps are kept");
    }

    @Test
    void aReportStillHeldAndActedOnByPhoneDuringAnOutageIsNotDeliveredLaterAsASecondEmergency() throws Exception {
        control("down");
        String id = holdReport(RelayTest.report("정전 중 보관된 신고").getBytes(StandardCharsets.UTF_8), "application/json");
        given().auth().oauth2(supervisor).queryParam("reason", "장시간 장애, 전화로 출동 지령")
                .when().get(HELD + "/" + id + "/content")
                .then().statusCode(200).body("report", containsString("정전 중 보관된 신고"))
                .body("attachments.size()", equalTo(0));
        given().auth().oauth2(supervisor).contentType("application/json").body("{\"note\":\"전화로 출동 지령, 처리 완료\"}")
                .when().post(HELD + "/" + id + "/resolution")
                .then().statusCode(200).body("state", equalTo("RESOLVED"));
        control("up");
        forwarder.forwardDue(); // the service is back: a settled report is not sent to it
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id).then().body("state", equalTo("RESOLVED"))
                .body("deliveredAt", nullValue());
        // Settled once: it cannot be settled again, nor sent again.
        given().auth().oauth2(supervisor).contentType("application/json").body("{\"note\":\"다시\"}")
                .when().post(HELD + "/" + id + "/resolution")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(supervisor).when().get(HELD + "/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(supervisor).when().get(HELD + "/not-an-id").then().statusCode(404);
    }

    private String refused(byte[] body) throws Exception {
        control("down");
        String id = holdReport(body, body[0] == '{' ? "application/json"
                : "multipart/form-data; boundary=" + RelayTest.BOUNDARY);
        control("up");
        forwarder.forwardDue();
        given().auth().oauth2(supervisor).when().get(HELD + "/" + id).then().statusCode(200)
                .body("state", equalTo("FAILED"));
        return id;
    }

    private static String holdReport(byte[] body, String contentType) {
        return given().contentType(contentType).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post(RelayTest.REPORTS)
                .then().statusCode(202).extract().path("relayId");
    }

    private void control(String action) throws Exception {
        EmergencyStandInResource.control(http, controlPort, action);
    }
}
