package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.residency.deadline.MoveInDeadlines;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 보완 of move-in reports over HTTP: an officer of the report's office asks its filer for what is missing by a day,
 * the report leaves the queue and waits, the filer answers and it is back (처리기한 moved on by the wait); every
 * refusal a problem+json that changes nothing. Officers: residency-officer and residency-officer3 (종로구청),
 * residency-officer2 (해운대구청).
 */
@QuarkusTest
class MoveInSupplementTest {

    static final String MINE = MoveInTest.MINE;
    static final String QUEUE = MoveInTest.QUEUE;
    static final String WHAT = "임대차계약서 사본을 올려 주세요";

    @Inject
    DataSource dataSource;

    @Inject
    MoveInDeadlines deadlines;

    final String officer = Tokens.of("residency-officer");
    final String colleague = Tokens.of("residency-officer3");
    final String elsewhere = Tokens.of("residency-officer2");
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

    static String body(String what, Object deadline) {
        return "{\"what\":" + (what == null ? "null" : "\"" + what + "\"") + ",\"deadline\":"
                + (deadline == null ? "null" : "\"" + deadline + "\"") + "}";
    }

    Response ask(String token, String id, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post(QUEUE + "/" + id + "/supplement-request");
    }

    Response answer(String token, String id, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post(MINE + "/" + id + "/supplement-answer");
    }

    JsonPath mine(String id) {
        return given().auth().oauth2(filer).when().get(MINE + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    void unchanged(String id, String status, int rounds) {
        JsonPath report = mine(id);
        assertEquals(status, report.getString("status"));
        assertEquals(rounds, report.getList("supplements").size());
    }

    static String row(String id) {
        return "find { it.id == '" + id + "' }.";
    }

    @Test
    void anOfficerAsksTheFilerAnswersAndTheReportIsBackWithItsDeadlineMovedOn() {
        String id = fileAtJongno();
        given().auth().oauth2(officer).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200);
        OffsetDateTime dueBefore = OffsetDateTime.parse(mine(id).getString("dueAt"));

        LocalDate deadline = today.plusDays(7);
        ask(officer, id, body(WHAT, deadline)).then().statusCode(200)
                .body("status", equalTo("SUPPLEMENT_REQUESTED"))
                .body("holder.officer", equalTo("residency-officer"))
                .body("overdue", equalTo(false))
                .body("supplements", hasSize(1))
                .body("supplements[0].what", equalTo(WHAT))
                .body("supplements[0].deadline", equalTo(deadline.toString()))
                .body("supplements[0].requestedBy", equalTo("residency-officer"))
                .body("supplements[0].answer", nullValue());

        // Out of the queue, in 보완 대기, counted apart; not decidable meanwhile.
        given().auth().oauth2(officer).when().get(QUEUE).then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(officer).queryParam("status", "SUPPLEMENT_REQUESTED").when().get(QUEUE).then()
                .statusCode(200).body(row(id) + "supplements[0].what", equalTo(WHAT))
                .body(row(id) + "holder.officer", equalTo("residency-officer"));
        given().auth().oauth2(officer).queryParam("status", "SUPPLEMENT_REQUESTED").queryParam("held", "MINE")
                .when().get(QUEUE).then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(officer).when().get(QUEUE + "/counts").then().statusCode(200)
                .body("waitingForSupplement", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(officer).queryParam("status", "APPROVED").when().get(QUEUE).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(officer).when().post(QUEUE + "/" + id + "/approval").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("conflict"))
                .body("detail", org.hamcrest.Matchers.containsString(deadline.toString()));
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"거주 사실 미확인\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(409)
                .contentType("application/problem+json");
        ask(officer, id, body("또 다른 서류", today.plusDays(3))).then().statusCode(409)
                .contentType("application/problem+json");
        unchanged(id, "SUPPLEMENT_REQUESTED", 1);

        // The filer reads what and until when, not who asked.
        given().auth().oauth2(filer).when().get(MINE).then().statusCode(200)
                .body(row(id) + "status", equalTo("SUPPLEMENT_REQUESTED"))
                .body(row(id) + "supplements[0].what", equalTo(WHAT))
                .body(row(id) + "supplements[0].deadline", equalTo(deadline.toString()))
                .body(row(id) + "supplements[0].requestedBy", nullValue())
                .body(row(id) + "holder", nullValue());

        JsonPath answered = answer(filer, id, "{\"answer\":\"계약서 사본을 주민센터에 냈습니다\"}").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("supplements[0].answer", equalTo("계약서 사본을 주민센터에 냈습니다"))
                .body("supplements[0].answeredAt", notNullValue())
                .extract().jsonPath();
        // 처리기한: what was left of the period when asked counts again from the answer.
        OffsetDateTime requestedAt = OffsetDateTime.parse(answered.getString("supplements[0].requestedAt"));
        OffsetDateTime answeredAt = OffsetDateTime.parse(answered.getString("supplements[0].answeredAt"));
        OffsetDateTime dueAfter = OffsetDateTime.parse(answered.getString("dueAt"));
        assertTrue(deadlines.resumedDueAt(dueBefore, requestedAt, answeredAt).isEqual(dueAfter),
                "due " + dueAfter + " from " + dueBefore + " paused " + requestedAt + "-" + answeredAt);
        assertTrue(!dueAfter.isBefore(dueBefore));

        // Back in the queue, held by the same officer, with the request and the answer.
        given().auth().oauth2(officer).queryParam("held", "MINE").when().get(QUEUE).then().statusCode(200)
                .body(row(id) + "supplements[0].answer", equalTo("계약서 사본을 주민센터에 냈습니다"))
                .body(row(id) + "supplements[0].requestedBy", equalTo("residency-officer"));
        answer(filer, id, "{\"answer\":\"다시\"}").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(officer).when().post(QUEUE + "/" + id + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("supplements", hasSize(1));
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndChangeNothing() {
        String id = fileAtJongno();
        ask(officer, id, body(null, today.plusDays(3))).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("what"));
        ask(officer, id, body("  ", today.plusDays(3))).then().statusCode(400).body("errors.field", hasItem("what"));
        ask(officer, id, body("가".repeat(MoveInSupplement.WHAT_LENGTH + 1), today.plusDays(3))).then()
                .statusCode(400).body("errors.field", hasItem("what"));
        ask(officer, id, body(WHAT, null)).then().statusCode(400).body("errors.field", hasItem("deadline"));
        ask(officer, id, body(WHAT, "2026-13-40")).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("deadline"));
        ask(officer, id, body(WHAT, today)).then().statusCode(400).body("errors[0].field", equalTo("deadline"));
        ask(officer, id, body(WHAT, today.minusDays(1))).then().statusCode(400)
                .body("errors[0].field", equalTo("deadline"));
        ask(officer, id, body(WHAT, today.plusDays(31))).then().statusCode(400)
                .body("errors[0].field", equalTo("deadline"));
        given().auth().oauth2(officer).contentType("application/json").body("{\"what\":\"x\",\"deadline\":\""
                + today.plusDays(3) + "\",\"extra\":1}").when().post(QUEUE + "/" + id + "/supplement-request")
                .then().statusCode(400).contentType("application/problem+json");
        unchanged(id, "SUBMITTED", 0);

        // Another office's officer: the report does not exist for them; an unknown id neither.
        ask(elsewhere, id, body(WHAT, today.plusDays(3))).then().statusCode(404)
                .contentType("application/problem+json");
        ask(officer, UUID.randomUUID().toString(), body(WHAT, today.plusDays(3))).then().statusCode(404);
        // Held by a colleague: case-held naming them.
        given().auth().oauth2(colleague).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200);
        ask(officer, id, body(WHAT, today.plusDays(3))).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("case-held"))
                .body("detail", org.hamcrest.Matchers.containsString("residency-officer3"));
        unchanged(id, "SUBMITTED", 0);

        // Answering when nothing is asked: 409; another citizen's report: 404; a bad answer: 400.
        answer(filer, id, "{\"answer\":\"제출\"}").then().statusCode(409).contentType("application/problem+json");
        ask(colleague, id, body(WHAT, today.plusDays(3))).then().statusCode(200);
        answer(Tokens.of("citizen"), id, "{\"answer\":\"제출\"}").then().statusCode(404)
                .contentType("application/problem+json");
        answer(filer, id, "{\"answer\":\" \"}").then().statusCode(400).body("errors.field", hasItem("answer"));
        answer(filer, id, "{}").then().statusCode(400).body("errors.field", hasItem("answer"));
        answer(filer, id, "{\"answer\":\"" + "가".repeat(MoveInSupplement.ANSWER_LENGTH + 1) + "\"}").then()
                .statusCode(400).body("errors.field", hasItem("answer"));
        answer(officer, id, "{\"answer\":\"제출\"}").then().statusCode(403);
        unchanged(id, "SUPPLEMENT_REQUESTED", 1);

        // Decided: 409.
        answer(filer, id, "{\"answer\":\"제출\"}").then().statusCode(200);
        given().auth().oauth2(colleague).when().post(QUEUE + "/" + id + "/approval").then().statusCode(200);
        ask(colleague, id, body(WHAT, today.plusDays(3))).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("conflict"));
        unchanged(id, "APPROVED", 1);
    }

    @Test
    void anAnswerAfterTheDeadlineDayIsRefused() throws SQLException {
        String id = fileAtJongno();
        ask(officer, id, body(WHAT, today.plusDays(1))).then().statusCode(200);
        // The deadline as if it had been yesterday (the history trigger refuses changing a request, rightly).
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE move_in_supplement DISABLE TRIGGER move_in_supplement_history");
            try {
                s.executeUpdate("UPDATE move_in_supplement SET deadline = current_date - 2 WHERE report_id = '"
                        + id + "'");
            } finally {
                s.execute("ALTER TABLE move_in_supplement ENABLE TRIGGER move_in_supplement_history");
            }
        }
        answer(filer, id, "{\"answer\":\"늦었지만 제출\"}").then().statusCode(409)
                .contentType("application/problem+json").body("detailKo", org.hamcrest.Matchers.containsString("지났습니다"));
        unchanged(id, "SUPPLEMENT_REQUESTED", 1);
        // The filer may still withdraw it.
    }

    @Test
    void aRetriedRequestOrAnswerIsAnsweredFromTheFirst() {
        String id = fileAtJongno();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(officer).header("Idempotency-Key", key).contentType("application/json")
                    .body(body(WHAT, today.plusDays(5))).when().post(QUEUE + "/" + id + "/supplement-request")
                    .then().statusCode(200).body("status", equalTo("SUPPLEMENT_REQUESTED"));
        }
        String answerKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(filer).header("Idempotency-Key", answerKey).contentType("application/json")
                    .body("{\"answer\":\"제출\"}").when().post(MINE + "/" + id + "/supplement-answer")
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        }
        unchanged(id, "SUBMITTED", 1);
    }

    @Test
    void theHistoryIsKeptAsWritten() throws SQLException {
        String id = fileAtJongno();
        ask(officer, id, body(WHAT, today.plusDays(5))).then().statusCode(200);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : new String[] {"UPDATE move_in_supplement SET what = 'x' WHERE report_id = '" + id + "'",
                    "DELETE FROM move_in_supplement WHERE report_id = '" + id + "'"}) {
                org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
            }
        }
        unchanged(id, "SUPPLEMENT_REQUESTED", 1);
    }
}
