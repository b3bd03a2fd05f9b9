package kr.civilportal.passport.workflow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.passport.identity.IdentityFixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The steps of an application its applicant is told of (issue 20), read from the outbox as the relay publishes them:
 * one event per told step, written with it; internal steps (심사 중, 제작 중) and refused moves write none.
 */
@QuarkusTest
class ApplicationEventsTest {

    private static final String PATH = "/api/passport/v1/applications";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private static io.restassured.response.Response move(String id, String body) {
        return given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + id + "/transitions");
    }

    private List<JsonNode> eventsOf(String id) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT CAST(payload AS text), topic FROM outbox_event WHERE event_key = ? ORDER BY position")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertEquals("passport.events", rs.getString(2));
                    events.add(json.readTree(rs.getString(1)));
                }
            }
        }
        return events;
    }

    private String residentIdOf(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT CAST(applicant_resident_id AS varchar) FROM passport_application WHERE id = CAST(? AS uuid)")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void theApplicantIsToldOfReceiptApprovalPickupAndIssueInOrder() throws Exception {
        String id = WorkflowResourceTest.submit("FIVE_YEARS", 26);
        IdentityFixtures.confirmedByOfficer(id);
        for (String to : List.of("UNDER_REVIEW", "APPROVED", "PRINTING", "READY_FOR_PICKUP", "ISSUED")) {
            move(id, "{\"to\":\"" + to + "\"}").then().statusCode(200);
        }
        move(id, "{\"to\":\"UNDER_REVIEW\"}").then().statusCode(409);

        List<JsonNode> events = eventsOf(id);
        assertEquals(List.of(ApplicationEvents.RECEIVED, ApplicationEvents.APPROVED, ApplicationEvents.READY_FOR_PICKUP,
                ApplicationEvents.ISSUED), events.stream().map(e -> e.get("type").asText()).toList());
        String residentId = residentIdOf(id);
        for (JsonNode e : events) {
            assertEquals("passport", e.get("source").asText());
            assertEquals(id, e.get("subject").asText());
            assertEquals(1, e.get("version").asInt());
            assertEquals(List.of(residentId), List.of(e.get("recipients").get(0).asText()));
            assertEquals(id.substring(0, 8), e.get("data").get("reference").asText());
        }
        assertFalse(events.get(0).get("data").path("dueOn").isMissingNode(), "receipt tells the 처리기한");
    }

    @Test
    void aSupplementRequestTellsWhatAndByWhenAndItsLapseTellsTheRejection() throws Exception {
        String id = WorkflowResourceTest.submit("TEN_YEARS", 58);
        move(id, "{\"to\":\"UNDER_REVIEW\"}").then().statusCode(200);
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(14);
        move(id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"사진 규격 불일치\",\"supplementDeadline\":\"" + deadline
                + "\"}").then().statusCode(200);

        List<JsonNode> events = eventsOf(id);
        JsonNode supplement = events.get(events.size() - 1);
        assertEquals(ApplicationEvents.SUPPLEMENT_REQUESTED, supplement.get("type").asText());
        assertEquals("사진 규격 불일치", supplement.get("data").get("reason").asText());
        assertEquals(deadline.toString(), supplement.get("data").get("dueOn").asText());

        move(id, "{\"to\":\"REJECTED\",\"reason\":\"기한 내 보완 없음\"}").then().statusCode(200);
        JsonNode rejected = eventsOf(id).get(events.size());
        assertEquals(ApplicationEvents.REJECTED, rejected.get("type").asText());
        assertEquals("기한 내 보완 없음", rejected.get("data").get("reason").asText());
    }
}
