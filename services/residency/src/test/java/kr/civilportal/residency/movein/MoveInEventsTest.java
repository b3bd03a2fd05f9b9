package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The domain events of a move-in report's life (issue 20), read from the outbox as the relay will publish them: one
 * per change, written with it, none for a refused request or a replayed one, and nothing in them but a reference, a
 * reason and a date for the citizens concerned.
 */
@QuarkusTest
class MoveInEventsTest {

    static final String MINE = MoveInTest.MINE;
    static final String QUEUE = MoveInTest.QUEUE;

    @Inject
    DataSource dataSource;

    @Inject
    SupplementDeadlineJob deadlineJob;

    @Inject
    ObjectMapper json;

    final String officer = Tokens.of("residency-officer");
    final String filer = Tokens.of("citizen2");
    final LocalDate today = LocalDate.now(KoreanTime.ZONE);
    String filed;

    @AfterEach
    void withdrawWhatIsStillOpen() {
        if (filed != null) {
            given().auth().oauth2(filer).when().post(MINE + "/" + filed + "/withdrawal");
        }
    }

    String fileAtJongno() {
        filed = given().auth().oauth2(filer).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + MoveInHolderTest.JONGNO + "\",\"movedInOn\":\""
                        + today + "\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        return filed;
    }

    record Event(String type, JsonNode envelope) {
    }

    List<Event> eventsOf(String reportId) throws Exception {
        List<Event> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event_type, CAST(payload AS text), topic FROM outbox_event WHERE event_key = ? ORDER BY position")) {
            s.setString(1, reportId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertEquals("residency.events", rs.getString(3));
                    events.add(new Event(rs.getString(1), json.readTree(rs.getString(2))));
                }
            }
        }
        return events;
    }

    String filerResidentId(String reportId) {
        return given().auth().oauth2(filer).when().get(MINE + "/" + reportId).then().statusCode(200)
                .extract().path("residentId");
    }

    @Test
    void aReportToldFromReceiptThroughSupplementToApproval() throws Exception {
        String id = fileAtJongno();
        String residentId = filerResidentId(id);
        given().auth().oauth2(officer).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200);
        LocalDate deadline = today.plusDays(7);
        given().auth().oauth2(officer).contentType("application/json")
                .body(MoveInSupplementTest.body("임대차계약서 사본", deadline))
                .when().post(QUEUE + "/" + id + "/supplement-request").then().statusCode(200);
        given().auth().oauth2(filer).contentType("application/json").body("{\"answer\":\"냈습니다\"}")
                .when().post(MINE + "/" + id + "/supplement-answer").then().statusCode(200);
        given().auth().oauth2(officer).when().post(QUEUE + "/" + id + "/approval").then().statusCode(200);
        filed = null;

        List<Event> events = eventsOf(id);
        assertEquals(List.of(MoveInEvents.RECEIVED, MoveInEvents.SUPPLEMENT_REQUESTED, MoveInEvents.APPROVED),
                events.stream().map(Event::type).toList(), "the citizen's own answer is not told back to them");
        for (Event e : events) {
            JsonNode envelope = e.envelope();
            assertEquals(e.type(), envelope.get("type").asText());
            assertEquals(1, envelope.get("version").asInt());
            assertEquals("residency", envelope.get("source").asText());
            assertEquals(id, envelope.get("subject").asText());
            assertEquals(residentId, envelope.get("recipients").get(0).asText());
            assertEquals(id.substring(0, 8), envelope.get("data").get("reference").asText());
            UUID.fromString(envelope.get("eventId").asText());
            String text = envelope.toString();
            assertFalse(text.contains("삼청로") || text.contains("종로구"), "no address in an event: " + e.type());
        }
        assertTrue(events.get(0).envelope().get("data").hasNonNull("dueOn"), "receipt tells the 처리기한");
        JsonNode supplement = events.get(1).envelope().get("data");
        assertEquals("임대차계약서 사본", supplement.get("reason").asText());
        assertEquals(deadline.toString(), supplement.get("dueOn").asText());
        assertEquals(3, events.stream().map(e -> e.envelope().get("eventId").asText()).distinct().count());
    }

    @Test
    void aRejectionIsToldOnceWithItsReasonAndARefusedOneNotAtAll() throws Exception {
        String id = fileAtJongno();
        given().auth().oauth2(officer).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200);
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(400);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(officer).header("Idempotency-Key", key).contentType("application/json")
                    .body("{\"reason\":\"거주 사실 미확인\"}")
                    .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(200);
        }
        filed = null;

        List<Event> events = eventsOf(id);
        assertEquals(List.of(MoveInEvents.RECEIVED, MoveInEvents.REJECTED), events.stream().map(Event::type).toList(),
                "one rejection, though asked twice with one key and once refused");
        assertEquals("거주 사실 미확인", events.get(1).envelope().get("data").get("reason").asText());
    }

    @Test
    void aSupplementDeadlinePassedIsToldAsARejection() throws Exception {
        String id = fileAtJongno();
        given().auth().oauth2(officer).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200);
        given().auth().oauth2(officer).contentType("application/json")
                .body(MoveInSupplementTest.body("전입 사실 확인서", today.plusDays(1)))
                .when().post(QUEUE + "/" + id + "/supplement-request").then().statusCode(200);
        deadlineJob.rejectOverdue(today.plusDays(2));
        filed = null;

        List<Event> events = eventsOf(id);
        assertEquals(MoveInEvents.REJECTED, events.get(events.size() - 1).type());
        assertEquals(MoveInSupplementing.reasonFor(today.plusDays(1)),
                events.get(events.size() - 1).envelope().get("data").get("reason").asText());
    }

    @Test
    void noBrokerConfiguredMeansEventsWait() throws SQLException {
        // The tests run without kafka.bootstrap.servers: the relay publishes nothing, events stay in the outbox.
        fileAtJongno();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NULL")) {
            s.setString(1, filed);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
