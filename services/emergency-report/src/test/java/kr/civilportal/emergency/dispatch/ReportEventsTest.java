package kr.civilportal.emergency.dispatch;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.crypto.AtRestCipher;
import kr.civilportal.emergency.EmergencyReportSettings;
import kr.civilportal.emergency.Fixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The dispatch steps a reporter is told of (docs/events.md, "119"), read from the outbox as the relay publishes
 * them: one event per step, written with it, with the call-back number sealed for the notification service and
 * opened here as notification opens it (common's cipher under the shared ring, the contract's associated data).
 */
@QuarkusTest
class ReportEventsTest {

    /** The number of {@link Fixtures#uniqueReport()}, in every form it could leak in. */
    private static final List<String> NUMBER_FORMS = List.of("01023456789", "010-2345-6789", "2345-6789", "23456789",
            "+821023456789");

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    EmergencyReportSettings settings;

    private static String newReport(String phone) {
        String body = Fixtures.report("RESCUE", "엘리베이터에 갇혔습니다 " + UUID.randomUUID(), phone);
        return given().contentType(ContentType.JSON).body(body)
                .when().post(REPORTS).then().statusCode(201).extract().path("reportId");
    }

    private static RequestSpecification dispatcher() {
        return given().auth().oauth2(Tokens.of("dispatcher")).contentType(ContentType.JSON);
    }

    /** The raw payloads of a report's events, in the order the relay publishes them. */
    private List<String> payloadsOf(String id) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT CAST(payload AS text), topic, event_type FROM outbox_event WHERE event_key = ? ORDER BY position")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertEquals("emergency-report.events", rs.getString(2));
                    payloads.add(rs.getString(1));
                    assertEquals(json.readTree(rs.getString(1)).get("type").asText(), rs.getString(3));
                }
            }
        }
        return payloads;
    }

    private List<JsonNode> eventsOf(String id) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String payload : payloadsOf(id)) {
            events.add(json.readTree(payload));
        }
        return events;
    }

    /** What the notification service holds: every key of the shared ring. */
    private AtRestCipher notificationRing() {
        EmergencyReportSettings.CallbackSeal ring = settings.callbackSeal();
        return AtRestCipher.fromConfig(ring.activeKeyId().orElseThrow(), ring.keys().orElseThrow());
    }

    private String opened(JsonNode callback, String subject) {
        String keyId = callback.get("keyId").asText();
        byte[] ad = ("emergency-report/callback-for-notification" + '\0' + keyId + '\0' + subject)
                .getBytes(StandardCharsets.UTF_8);
        byte[] plain = notificationRing().open(keyId, Base64.getDecoder().decode(callback.get("sealed").asText()), ad);
        return new String(plain, StandardCharsets.US_ASCII);
    }

    @Test
    void eachStepWritesOneEventWithTheReferenceUnitOutcomeAndTheSealedNumber() throws Exception {
        String id = newReport("010-2345-6789");
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        dispatcher().body("{\"unit\": \"종로소방서 구조1\"}").when().post(REPORTS + "/" + id + "/assignment")
                .then().statusCode(200);
        dispatcher().body("{\"text\": \"구조대 도착\"}").when().post(REPORTS + "/" + id + "/notes").then().statusCode(201);
        dispatcher().body("{\"unit\": \"중부소방서 구조2\"}").when().post(REPORTS + "/" + id + "/assignment")
                .then().statusCode(200);
        dispatcher().body("{\"outcome\": \"TRANSPORTED\", \"note\": \"홍길동 님 이송\"}")
                .when().post(REPORTS + "/" + id + "/closure").then().statusCode(200);

        List<JsonNode> events = eventsOf(id);
        assertEquals(List.of(ReportEvents.ACKNOWLEDGED, ReportEvents.UNIT_DISPATCHED, ReportEvents.UNIT_DISPATCHED,
                ReportEvents.CLOSED), events.stream().map(e -> e.get("type").asText()).toList(),
                "a note is not told; each assignment is");
        for (JsonNode e : events) {
            assertEquals("emergency-report", e.get("source").asText());
            assertEquals(id, e.get("subject").asText());
            assertEquals(1, e.get("version").asInt());
            assertTrue(e.get("recipients").isArray() && e.get("recipients").isEmpty(), "an anonymous reporter");
            assertEquals(id, e.get("data").get("reference").asText(), "the 신고 번호 on the reporter's receipt");
            assertEquals("01023456789", opened(e.get("data").get("callback"), id));
        }
        assertEquals("종로소방서 구조1", events.get(1).get("data").get("unit").asText());
        assertEquals("중부소방서 구조2", events.get(2).get("data").get("unit").asText());
        assertEquals("TRANSPORTED", events.get(3).get("data").get("outcome").asText());
        assertTrue(events.get(3).get("data").path("note").isMissingNode(), "the closing note may name people");
        assertFalse(payloadsOf(id).toString().contains("홍길동"));
    }

    @Test
    void noDigitsOfTheNumberNorTheReportsDetailsAppearInClear() throws Exception {
        String id = newReport("010-2345-6789");
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        String payloads = String.join("\n", payloadsOf(id));
        assertFalse(payloads.isEmpty());
        for (String form : NUMBER_FORMS) {
            assertFalse(payloads.contains(form), "the number in clear");
        }
        assertFalse(payloads.contains("엘리베이터") || payloads.contains("세종대로") || payloads.contains("37.5665"),
                "no description or location");
    }

    @Test
    void aSealedNumberDoesNotOpenUnderAnotherReport() throws Exception {
        String id = newReport("010-2345-6789");
        String other = newReport("010-2345-6789");
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        JsonNode callback = eventsOf(id).get(0).get("data").get("callback");
        assertThrows(IllegalStateException.class, () -> opened(callback, other));
    }

    @Test
    void aReportWithoutANumberHasNoCallback() throws Exception {
        String id = newReport(null);
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        dispatcher().body("{\"outcome\": \"FALSE_ALARM\"}").when().post(REPORTS + "/" + id + "/closure")
                .then().statusCode(200);
        List<JsonNode> events = eventsOf(id);
        assertEquals(List.of(ReportEvents.ACKNOWLEDGED, ReportEvents.CLOSED),
                events.stream().map(e -> e.get("type").asText()).toList());
        for (JsonNode e : events) {
            assertTrue(e.get("data").path("callback").isMissingNode());
        }
    }

    @Test
    void refusedStepsWriteNoEventAndAReportIsAcknowledgedOnce() throws Exception {
        String id = newReport("010-2345-6789");
        dispatcher().body("{\"unit\": \"구급1\"}").when().post(REPORTS + "/" + id + "/assignment")
                .then().statusCode(409);
        dispatcher().body("{\"outcome\": \"DUPLICATE\"}").when().post(REPORTS + "/" + id + "/closure")
                .then().statusCode(409);
        assertEquals(List.of(), eventsOf(id));

        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(409);
        dispatcher().body("{\"unit\": \" \"}").when().post(REPORTS + "/" + id + "/assignment").then().statusCode(400);
        dispatcher().body("{\"outcome\": \"DUPLICATE\"}").when().post(REPORTS + "/" + id + "/closure")
                .then().statusCode(200);
        dispatcher().body("{\"outcome\": \"RESOLVED\"}").when().post(REPORTS + "/" + id + "/closure")
                .then().statusCode(409);
        dispatcher().body("{\"unit\": \"구급1\"}").when().post(REPORTS + "/" + id + "/assignment")
                .then().statusCode(409);
        assertEquals(List.of(ReportEvents.ACKNOWLEDGED, ReportEvents.CLOSED),
                eventsOf(id).stream().map(e -> e.get("type").asText()).toList());

        String unknown = UUID.randomUUID().toString();
        dispatcher().when().post(REPORTS + "/" + unknown + "/acknowledgement").then().statusCode(404);
        assertEquals(List.of(), eventsOf(unknown));
    }

    @Test
    void aRetriedAcknowledgementWithItsKeyWritesNoSecondEvent() throws Exception {
        String id = newReport("010-2345-6789");
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            dispatcher().header("Idempotency-Key", key).when().post(REPORTS + "/" + id + "/acknowledgement")
                    .then().statusCode(200);
        }
        assertEquals(1, eventsOf(id).size());
    }

    @Test
    void aNumberThatCannotBeSealedLeavesTheStepAndItsEventWithoutCallback() throws Exception {
        String id = newReport("010-2345-6789");
        // A number no key opens any more (its key removed from the ring, or the row damaged): the step still goes.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE emergency_report SET reporter_phone_key_id = 'retired-key' WHERE id = CAST(? AS uuid)")) {
            s.setString(1, id);
            assertEquals(1, s.executeUpdate());
        }
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        List<JsonNode> events = eventsOf(id);
        assertEquals(1, events.size());
        assertEquals(ReportEvents.ACKNOWLEDGED, events.get(0).get("type").asText());
        assertTrue(events.get(0).get("data").path("callback").isMissingNode());
    }
}
