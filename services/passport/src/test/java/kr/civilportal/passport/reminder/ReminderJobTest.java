package kr.civilportal.passport.reminder;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.identity.IdentityFixtures;
import kr.civilportal.passport.workflow.ApplicationEvents;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The reminders of the day before (docs/events.md), read from the outbox: a pickup booked for tomorrow in Korea and
 * a supplement deadline of tomorrow still unanswered are each reminded of once, however many runs (and replicas)
 * look; what is later, or answered, is not. The job is called with the moment to judge by, as the clock would give it.
 */
@QuarkusTest
class ReminderJobTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String JONGNO = "SEOUL-JONGNO";
    private static final Duration ONE_DAY = Duration.ofDays(1);

    @Inject
    ReminderJob job;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void aPickupTomorrowIsRemindedOfOnceHoweverManyRunsLook() throws Exception {
        Instant now = Instant.now();
        LocalDateTime pickupAt = today().plusDays(1).atTime(LocalTime.of(7, 13));
        String id = readyForPickup();
        book(id, slot(pickupAt));

        // Two replicas at once, then one more round: one reminder.
        CompletableFuture<ReminderJob.Reminded> first = CompletableFuture.supplyAsync(() -> job.remind(now));
        CompletableFuture<ReminderJob.Reminded> second = CompletableFuture.supplyAsync(() -> job.remind(now));
        first.join();
        second.join();
        job.remind(now.plus(Duration.ofMinutes(15)));

        List<JsonNode> reminders = eventsOf(id, ApplicationEvents.PICKUP_REMINDER);
        assertEquals(1, reminders.size());
        JsonNode e = reminders.get(0);
        assertEquals(id, e.get("subject").asText());
        assertEquals(List.of(residentIdOf(id)), texts(e.get("recipients")));
        assertEquals(id.substring(0, 8), e.get("data").get("reference").asText());
        assertEquals(pickupAt.toLocalDate() + "T07:13", e.get("data").get("pickupAt").asText());
        assertEquals(officeName(JONGNO), e.get("data").get("office").asText());
    }

    @Test
    void aPickupTheDayAfterTomorrowWaitsAndAMovedBookingIsRemindedOfAgain() throws Exception {
        Instant now = Instant.now();
        LocalDate dayAfterTomorrow = today().plusDays(2);
        String id = readyForPickup();
        book(id, slot(dayAfterTomorrow.atTime(LocalTime.of(7, 13))));

        job.remind(now);
        assertEquals(0, eventsOf(id, ApplicationEvents.PICKUP_REMINDER).size(), "not tomorrow yet");

        // A day later it is tomorrow's.
        job.remind(now.plus(ONE_DAY));
        job.remind(now.plus(ONE_DAY));
        assertEquals(1, eventsOf(id, ApplicationEvents.PICKUP_REMINDER).size());

        // Moved to another hour: another appointment, its own reminder.
        book(id, slot(dayAfterTomorrow.atTime(LocalTime.of(7, 17))));
        job.remind(now.plus(ONE_DAY));
        List<JsonNode> reminders = eventsOf(id, ApplicationEvents.PICKUP_REMINDER);
        assertEquals(2, reminders.size());
        assertEquals(dayAfterTomorrow + "T07:17", reminders.get(1).get("data").get("pickupAt").asText());
    }

    @Test
    void aSupplementDueTomorrowIsRemindedOfOnceAndAnAnsweredOrLaterOneIsNot() throws Exception {
        Instant now = Instant.now();
        LocalDate tomorrow = today().plusDays(1);
        String due = askedForASupplementBy(tomorrow);
        String answered = askedForASupplementBy(tomorrow);
        String later = askedForASupplementBy(tomorrow.plusDays(1));
        given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + answered + "/resubmission")
                .then().statusCode(200);

        job.remind(now);
        job.remind(now.plus(Duration.ofMinutes(15)));

        List<JsonNode> reminders = eventsOf(due, ApplicationEvents.SUPPLEMENT_DUE_SOON);
        assertEquals(1, reminders.size());
        JsonNode e = reminders.get(0);
        assertEquals(List.of(residentIdOf(due)), texts(e.get("recipients")));
        assertEquals(due.substring(0, 8), e.get("data").get("reference").asText());
        assertEquals("사진 규격 불일치", e.get("data").get("reason").asText());
        assertEquals(tomorrow.toString(), e.get("data").get("dueOn").asText());
        assertEquals(0, eventsOf(answered, ApplicationEvents.SUPPLEMENT_DUE_SOON).size());
        assertEquals(0, eventsOf(later, ApplicationEvents.SUPPLEMENT_DUE_SOON).size());
    }

    private static LocalDate today() {
        return LocalDate.now(KoreanTime.ZONE);
    }

    /** An application of the demo citizen received in 종로구, taken through the officers' workflow to 교부 대기. */
    private static String readyForPickup() {
        String id = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"office\":\"" + JONGNO + "\"}")
                .when().post(PATH).then().statusCode(201).extract().path("id");
        IdentityFixtures.confirmedByOfficer(id, "passport-officer");
        for (String to : List.of("UNDER_REVIEW", "APPROVED", "PRINTING", "READY_FOR_PICKUP")) {
            move(id, "{\"to\":\"" + to + "\"}");
        }
        return id;
    }

    private static String askedForASupplementBy(LocalDate deadline) {
        String id = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"office\":\"" + JONGNO + "\"}")
                .when().post(PATH).then().statusCode(201).extract().path("id");
        move(id, "{\"to\":\"UNDER_REVIEW\"}");
        move(id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"사진 규격 불일치\",\"supplementDeadline\":\""
                + deadline + "\"}");
        return id;
    }

    private static void move(String id, String body) {
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + id + "/transitions").then().statusCode(200);
    }

    private static void book(String application, UUID slot) {
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"slotId\":\"" + slot + "\"}")
                .when().post(PATH + "/" + application + "/appointment")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A slot of the 종로 office at {@code at} in Korea. */
    private UUID slot(LocalDateTime at) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO pickup_slot (id, office_id, starts_at, capacity, booked) VALUES (?, ?, ?, 5, 0)""")) {
            s.setObject(1, id);
            s.setString(2, JONGNO);
            s.setObject(3, at.atZone(KoreanTime.ZONE).toOffsetDateTime());
            s.executeUpdate();
        }
        return id;
    }

    private List<JsonNode> eventsOf(String id, String type) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT CAST(payload AS text) FROM outbox_event WHERE event_key = ? AND event_type = ?"
                        + " ORDER BY position")) {
            s.setString(1, id);
            s.setString(2, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(json.readTree(rs.getString(1)));
                }
            }
        }
        return events;
    }

    private String residentIdOf(String id) throws Exception {
        return text("SELECT CAST(applicant_resident_id AS varchar) FROM passport_application WHERE id = CAST(? AS uuid)",
                id);
    }

    private String officeName(String office) throws Exception {
        return text("SELECT name FROM pickup_office WHERE id = ?", office);
    }

    private String text(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
