package kr.civilportal.residency.reminder;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reminder the day before a move-in's supplement deadline (docs/events.md), read from the outbox as the relay
 * will publish it: a round due tomorrow in Korea and still unanswered is reminded of once, however many runs (and
 * replicas) look, together or one after the other; a later deadline waits, and an answered round or a withdrawn report
 * gets none. The job is called with the moment to judge by, as the clock would give it.
 */
@QuarkusTest
class SupplementReminderJobTest {

    static final String MINE = "/api/residency/v1/move-ins";
    static final String QUEUE = "/api/residency/v1/officer/move-ins";
    static final String JONGNO = "서울특별시 종로구 삼청로 30, 2층";
    static final String ASKED = "임대차계약서 사본";

    @Inject
    SupplementReminderJob job;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    final String filer = Tokens.of("citizen2");
    final LocalDate today = LocalDate.now(KoreanTime.ZONE);
    String filed;

    @AfterEach
    void withdrawWhatIsStillOpen() {
        if (filed != null) {
            given().auth().oauth2(filer).when().post(MINE + "/" + filed + "/withdrawal");
        }
    }

    /** A report of the filer's, held by a 종로구 officer who asks for {@link #ASKED} by {@code deadline}. */
    String askedBy(LocalDate deadline) {
        filed = given().auth().oauth2(filer).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + JONGNO + "\",\"movedInOn\":\"" + today + "\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("residency-officer")).when().put(QUEUE + "/" + filed + "/holder")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("residency-officer")).contentType("application/json")
                .body("{\"what\":\"" + ASKED + "\",\"deadline\":\"" + deadline + "\"}")
                .when().post(QUEUE + "/" + filed + "/supplement-request").then().statusCode(200);
        return filed;
    }

    void withdraw(String id) {
        given().auth().oauth2(filer).when().post(MINE + "/" + id + "/withdrawal").then().statusCode(200);
    }

    @Test
    void aRoundDueTomorrowIsRemindedOfOnceToTheFilerWithWhatWasAskedAndTheDeadline() throws Exception {
        Instant now = Instant.now();
        String due = askedBy(today.plusDays(1));

        // Two replicas at the same moment, then a later round of the job: one reminder.
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> awaitThenRemind(start, now));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> awaitThenRemind(start, now));
        start.countDown();
        first.join();
        second.join();
        assertEquals(1, remindersOf(due).size(), "one of the two runs wrote it, the other found it taken");
        job.remind(now.plus(Duration.ofMinutes(15)));
        job.remind(now.plus(Duration.ofHours(3)));

        List<JsonNode> reminders = remindersOf(due);
        assertEquals(1, reminders.size());
        JsonNode e = reminders.get(0);
        assertEquals("residency", e.get("source").asText());
        assertEquals(due, e.get("subject").asText());
        assertEquals(List.of(residentIdOf(due)), texts(e.get("recipients")));
        assertEquals(due.substring(0, 8), e.get("data").get("reference").asText());
        assertEquals(ASKED, e.get("data").get("reason").asText());
        assertEquals(today.plusDays(1).toString(), e.get("data").get("dueOn").asText());
        assertEquals(3, e.get("data").size(), "a reference, what was asked and the deadline: nothing else");
    }

    @Test
    void aReportAnotherReplicaHoldsIsLeftToItAndRemindedOfOnceItIsFree() throws Exception {
        Instant now = Instant.now();
        String due = askedBy(today.plusDays(1));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT id FROM move_in_report WHERE id = CAST(? AS uuid) FOR UPDATE")) {
                lock.setString(1, due);
                lock.executeQuery().close();
            }
            // The row is locked elsewhere (another replica's batch, or the filer answering): skipped, not waited for
            // (a run that waited would wait for ever here, the lock being released only after it).
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> job.remind(now));
            assertEquals(0, remindersOf(due).size());
            c.rollback();
        }
        job.remind(now);
        assertEquals(1, remindersOf(due).size());
    }

    @Test
    void aDeadlineTheDayAfterTomorrowWaitsForItsDayBefore() throws Exception {
        Instant now = Instant.now();
        String later = askedBy(today.plusDays(2));

        job.remind(now);
        assertEquals(0, remindersOf(later).size(), "not tomorrow yet");

        // A day later, the deadline is tomorrow's.
        job.remind(now.plus(Duration.ofDays(1)));
        job.remind(now.plus(Duration.ofDays(1)));
        List<JsonNode> reminders = remindersOf(later);
        assertEquals(1, reminders.size());
        assertEquals(today.plusDays(2).toString(), reminders.get(0).get("data").get("dueOn").asText());
    }

    @Test
    void anAnsweredRoundAndAWithdrawnReportAreNotRemindedOf() throws Exception {
        Instant now = Instant.now();
        String answered = askedBy(today.plusDays(1));
        given().auth().oauth2(filer).contentType("application/json").body("{\"answer\":\"계약서 사본 제출\"}")
                .when().post(MINE + "/" + answered + "/supplement-answer").then().statusCode(200);
        job.remind(now);
        assertEquals(0, remindersOf(answered).size(), "answered: nothing left to remind of");
        withdraw(answered);

        String withdrawn = askedBy(today.plusDays(1));
        withdraw(withdrawn);
        filed = null;
        job.remind(now);
        assertEquals(0, remindersOf(withdrawn).size(), "withdrawn: nothing to answer any more");
    }

    private int awaitThenRemind(CountDownLatch start, Instant now) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return job.remind(now);
    }

    private List<JsonNode> remindersOf(String report) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT CAST(payload AS text), topic FROM outbox_event WHERE event_key = ? AND event_type = ?"
                        + " ORDER BY position")) {
            s.setString(1, report);
            s.setString(2, SupplementReminders.SUPPLEMENT_DUE_SOON);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertEquals("residency.events", rs.getString(2));
                    events.add(json.readTree(rs.getString(1)));
                }
            }
        }
        return events;
    }

    private String residentIdOf(String report) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT CAST(resident_id AS varchar) FROM move_in_report WHERE id = CAST(? AS uuid)")) {
            s.setString(1, report);
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
