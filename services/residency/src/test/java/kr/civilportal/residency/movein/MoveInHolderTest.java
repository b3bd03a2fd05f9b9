package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.residency.deadline.MoveInDeadlines;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 담당, 배정 and 처리기한 of move-in reports, as two officers of one office (residency-officer and residency-officer3,
 * both 종로구청 in the demo realm) and one of another office (residency-officer2, 해운대구청) meet them.
 */
@QuarkusTest
class MoveInHolderTest {

    static final String MINE = MoveInTest.MINE;
    static final String QUEUE = MoveInTest.QUEUE;
    static final String JONGNO = "서울특별시 종로구 삼청로 30, 2층";

    @Inject
    DataSource dataSource;

    @Inject
    MoveInDeadlines deadlines;

    final String first = Tokens.of("residency-officer");
    final String colleague = Tokens.of("residency-officer3");
    String filed;

    @AfterEach
    void withdrawWhatIsStillOpen() {
        if (filed != null) {
            // A decided report answers 409, which is as good: citizen2 has no open report either way.
            given().auth().oauth2(Tokens.of("citizen2")).when().post(MINE + "/" + filed + "/withdrawal");
        }
    }

    String fileAtJongno() {
        filed = given().auth().oauth2(Tokens.of("citizen2")).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + JONGNO + "\",\"movedInOn\":\""
                        + LocalDate.now(KoreanTime.ZONE) + "\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        return filed;
    }

    String row(String id) {
        return "find { it.id == '" + id + "' }.";
    }

    @Test
    void twoOfficersOfOneOfficeDoNotStepOnEachOther() {
        String id = fileAtJongno();
        given().auth().oauth2(first).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200)
                .body("holder.officer", equalTo("residency-officer")).body("holder.since", notNullValue());
        given().auth().oauth2(first).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200)
                .body("holder.officer", equalTo("residency-officer"));

        // The colleague sees who holds it, and can neither take it, let it go, nor decide it.
        given().auth().oauth2(colleague).when().get(QUEUE).then().statusCode(200)
                .body(row(id) + "holder.officer", equalTo("residency-officer"));
        given().auth().oauth2(colleague).when().put(QUEUE + "/" + id + "/holder").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("case-held"))
                .body("detailKo", equalTo("담당자 residency-officer님이 처리 중인 전입신고입니다. 담당자가 처리하거나 "
                        + "담당을 해제한 뒤에 처리할 수 있고, 담당자가 자리에 없으면 사유를 적어 담당을 인계받을 수 있습니다."));
        given().auth().oauth2(colleague).when().delete(QUEUE + "/" + id + "/holder").then().statusCode(409);
        given().auth().oauth2(colleague).contentType("application/json").body("{\"reason\":\"거주 사실 미확인\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(409)
                .body("type", endsWith("case-held"));
        given().auth().oauth2(colleague).when().post(QUEUE + "/" + id + "/approval").then().statusCode(409)
                .body("type", endsWith("case-held"));
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MINE + "/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("holder", nullValue());

        // 내 업무 and 미배정.
        given().auth().oauth2(first).queryParam("held", "MINE").when().get(QUEUE).then().statusCode(200)
                .body("id", hasItem(id)).body("holder.officer", everyItem(equalTo("residency-officer")));
        given().auth().oauth2(colleague).queryParam("held", "MINE").when().get(QUEUE).then().body("id", not(hasItem(id)));
        given().auth().oauth2(colleague).queryParam("held", "NOBODY").when().get(QUEUE).then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(colleague).queryParam("held", "ME").when().get(QUEUE).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("held"));

        // Let go, it is the colleague's to take and decide; decided, nobody holds it.
        given().auth().oauth2(first).when().delete(QUEUE + "/" + id + "/holder").then().statusCode(200)
                .body("holder", nullValue());
        given().auth().oauth2(colleague).queryParam("held", "NOBODY").when().get(QUEUE).then().body("id", hasItem(id));
        given().auth().oauth2(colleague).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200)
                .body("holder.officer", equalTo("residency-officer3"));
        given().auth().oauth2(colleague).contentType("application/json").body("{\"reason\":\"거주 사실 미확인\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("holder", nullValue());
        given().auth().oauth2(colleague).when().put(QUEUE + "/" + id + "/holder").then().statusCode(409)
                .body("type", endsWith("conflict"));
    }

    static final String REASON = "담당자 휴가 (12/7-12/11), 처리기한 임박";

    io.restassured.response.Response takeOver(String token, String id, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post(QUEUE + "/" + id + "/holder/takeover");
    }

    long takeovers(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM move_in_holder_takeover WHERE report_id = ?::uuid")) {
            s.setString(1, id);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void aColleagueTakesOverAHeldReportWithAReasonAndTheTakeoverIsLogged() throws SQLException {
        String id = fileAtJongno();
        given().auth().oauth2(first).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200);

        // Without a reason, or with one too long, nothing changes.
        takeOver(colleague, id, "{}").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        takeOver(colleague, id, "{\"reason\":\"  \"}").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        takeOver(colleague, id, "{\"reason\":\"" + "가".repeat(201) + "\"}").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(colleague).when().get(QUEUE).then()
                .body(row(id) + "holder.officer", equalTo("residency-officer"));
        assertEquals(0, takeovers(id));

        takeOver(colleague, id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("residency-officer3"))
                .body("holder.takenOverFrom", equalTo("residency-officer"))
                .body("holder.takeoverReason", equalTo(REASON));
        // A repeat changes nothing and logs nothing more; the queue shows whom it came from and why.
        takeOver(colleague, id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("residency-officer3"));
        assertEquals(1, takeovers(id));
        given().auth().oauth2(first).when().get(QUEUE).then()
                .body(row(id) + "holder.officer", equalTo("residency-officer3"))
                .body(row(id) + "holder.takenOverFrom", equalTo("residency-officer"))
                .body(row(id) + "holder.takeoverReason", equalTo(REASON));
        // The filer never sees who holds it, nor why.
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MINE + "/" + id).then().statusCode(200)
                .body("holder", nullValue());

        // The former holder is now the other officer: refused like anyone else, and told who holds it.
        given().auth().oauth2(first).when().post(QUEUE + "/" + id + "/approval").then().statusCode(409)
                .body("type", endsWith("case-held")).body("detail", containsString("residency-officer3"));

        try (Connection c = dataSource.getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "UPDATE move_in_holder_takeover SET reason = 'x' WHERE report_id = '" + id + "'"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "DELETE FROM move_in_holder_takeover WHERE report_id = '" + id + "'"));
        }
        assertEquals(1, takeovers(id));

        // Let go, the report carries no take-over any more; decided, it cannot be taken over.
        given().auth().oauth2(colleague).when().delete(QUEUE + "/" + id + "/holder").then().statusCode(200)
                .body("holder", nullValue());
        takeOver(first, id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("residency-officer")).body("holder.takenOverFrom", nullValue())
                .body("holder.takeoverReason", nullValue());
        assertEquals(1, takeovers(id));
        given().auth().oauth2(first).contentType("application/json").body("{\"reason\":\"거주 사실 미확인\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(200);
        takeOver(colleague, id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(409)
                .body("type", endsWith("conflict"));
    }

    @Test
    void anOfficerOfAnotherOfficeCannotTakeOverIt() throws SQLException {
        String id = fileAtJongno();
        given().auth().oauth2(first).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200);
        takeOver(Tokens.of("residency-officer2"), id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(404)
                .contentType("application/problem+json");
        takeOver(first, "7d3f0c1e-0000-4000-8000-0000000000ff", "{\"reason\":\"x\"}").then().statusCode(404);
        given().auth().oauth2(first).when().get(QUEUE).then().body(row(id) + "holder.officer",
                equalTo("residency-officer"));
        assertEquals(0, takeovers(id));
    }

    @Test
    void anOfficerOfAnotherOfficeCannotTakeOrReleaseIt() {
        String id = fileAtJongno();
        String haeundae = Tokens.of("residency-officer2");
        given().auth().oauth2(haeundae).when().put(QUEUE + "/" + id + "/holder").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(haeundae).when().delete(QUEUE + "/" + id + "/holder").then().statusCode(404);
        given().auth().oauth2(first).when().get(QUEUE).then().body(row(id) + "holder", nullValue());
    }

    @Test
    void aReportHasAProcessingDeadlineAndShowsAsOverdueOncePastIt() throws SQLException {
        String id = fileAtJongno();
        String submitted = given().auth().oauth2(first).when().get(QUEUE).then().statusCode(200)
                .body(row(id) + "overdue", equalTo(false)).extract().path(row(id) + "submittedAt");
        String due = given().auth().oauth2(first).when().get(QUEUE).then().extract().path(row(id) + "dueAt");
        // One day of office hours from the moment of filing, as the office counts it (WorkingHoursPeriodTest has
        // the calendar cases), in Korean time.
        OffsetDateTime filedAt = OffsetDateTime.parse(submitted);
        OffsetDateTime dueAt = OffsetDateTime.parse(due);
        assertTrue(dueAt.isEqual(deadlines.dueAt(filedAt.toInstant())), due);
        assertTrue(dueAt.isAfter(filedAt.plusHours(7)), due);
        assertTrue(due.endsWith("+09:00"), due);
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MINE + "/" + id).then()
                .body("dueAt", notNullValue()).body("overdue", equalTo(false));
        long overdueBefore = given().auth().oauth2(first).when().get(QUEUE + "/counts").then().statusCode(200)
                .extract().jsonPath().getLong("overdue");

        // The clock cannot be moved in a running service; the deadline can: one that passed an hour ago.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE move_in_report SET due_at = now() - interval '1 hour' WHERE id = ?::uuid")) {
            s.setString(1, id);
            assertEquals(1, s.executeUpdate());
        }
        given().auth().oauth2(first).when().get(QUEUE).then().body(row(id) + "overdue", equalTo(true));
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MINE + "/" + id).then().body("overdue", equalTo(true));
        given().auth().oauth2(first).when().get(QUEUE + "/counts").then()
                .body("overdue", equalTo((int) overdueBefore + 1));
    }

    @Test
    void theCountsFollowTheDesksWork() {
        String id = fileAtJongno();
        var before = given().auth().oauth2(first).when().get(QUEUE + "/counts").then().statusCode(200)
                .extract().jsonPath();
        var busanBefore = given().auth().oauth2(Tokens.of("residency-officer2")).when().get(QUEUE + "/counts").then()
                .statusCode(200).extract().jsonPath();
        given().auth().oauth2(first).when().put(QUEUE + "/" + id + "/holder").then().statusCode(200);
        var held = given().auth().oauth2(first).when().get(QUEUE + "/counts").then().extract().jsonPath();
        assertEquals(before.getLong("received") - 1, held.getLong("received"));
        assertEquals(before.getLong("inProgress") + 1, held.getLong("inProgress"));
        given().auth().oauth2(first).contentType("application/json").body("{\"reason\":\"거주 사실 미확인\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(200);
        var decided = given().auth().oauth2(first).when().get(QUEUE + "/counts").then().extract().jsonPath();
        assertEquals(before.getLong("inProgress"), decided.getLong("inProgress"));
        assertEquals(before.getLong("decidedToday") + 1, decided.getLong("decidedToday"));
        // Another office's desk does not count this office's work.
        var busan = given().auth().oauth2(Tokens.of("residency-officer2")).when().get(QUEUE + "/counts").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(busanBefore.getLong("inProgress"), busan.getLong("inProgress"));
    }

    /** The demo realm's residency officers' account ids (portal-realm.dev-overlay.json). */
    static final String OFFICER1_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000011";
    static final String OFFICER2_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000020";
    static final String OFFICER3_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000021";
    /** An address no office of the test configuration covers: every officer's. */
    static final String DAEJEON = "대전광역시 유성구 대학로 99, 201호";

    io.restassured.response.Response assign(String token, String id, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post(QUEUE + "/" + id + "/holder/assignment");
    }

    static String assignee(String subject) {
        return "{\"assignee\":\"" + subject + "\"}";
    }

    long assignments(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM move_in_holder_assignment WHERE report_id = ?::uuid")) {
            s.setString(1, id);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void anOfficerAssignsAReportToAColleagueOfItsOfficeOnly() throws SQLException {
        String id = fileAtJongno();
        String haeundae = Tokens.of("residency-officer2");
        // Officers enter the roster (직원 명부) as they open their queue.
        for (String officer : List.of(first, colleague, haeundae)) {
            given().auth().oauth2(officer).when().get(QUEUE).then().statusCode(200);
        }

        List<String> offered = given().auth().oauth2(first).when().get(QUEUE + "/" + id + "/assignees")
                .then().statusCode(200)
                .body("find { it.officer == 'residency-officer3' }.subject", equalTo(OFFICER3_SUBJECT))
                .extract().path("officer");
        assertTrue(offered.containsAll(List.of("residency-officer", "residency-officer3")), offered.toString());
        assertFalse(offered.contains("residency-officer2"), "해운대구청's officer is no colleague for 종로구청's report");
        given().auth().oauth2(haeundae).when().get(QUEUE + "/" + id + "/assignees").then().statusCode(404)
                .contentType("application/problem+json");

        // Another office's officer, nobody the roster knows, no one at all: 400 naming the field, nothing changes.
        for (String refused : List.of(assignee(OFFICER2_SUBJECT), assignee("no-such-officer"), assignee(""),
                assignee("  "), assignee("x".repeat(MoveInHolderResource.SUBJECT_MAX + 1)), "{}")) {
            assign(first, id, refused).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("assignee"));
        }
        assign(haeundae, id, assignee(OFFICER2_SUBJECT)).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(first).when().get(QUEUE).then().body(row(id) + "holder", nullValue());
        assertEquals(0, assignments(id));

        assign(first, id, assignee(OFFICER3_SUBJECT)).then().statusCode(200)
                .body("holder.officer", equalTo("residency-officer3"))
                .body("holder.assignedBy", equalTo("residency-officer"))
                .body("holder.since", notNullValue());
        assertEquals(1, assignments(id));
        // The colleague finds it in their own work (내 업무), with who gave it to them.
        given().auth().oauth2(colleague).queryParam("held", "MINE").when().get(QUEUE).then().statusCode(200)
                .body("id", hasItem(id)).body(row(id) + "holder.assignedBy", equalTo("residency-officer"));
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MINE + "/" + id).then().statusCode(200)
                .body("holder", nullValue());

        // Once assigned, it is the colleague's: the assigner no longer decides it, nor assigns it again.
        given().auth().oauth2(first).when().post(QUEUE + "/" + id + "/approval").then().statusCode(409)
                .body("type", endsWith("case-held")).body("detail", containsString("residency-officer3"));
        assign(first, id, assignee(OFFICER1_SUBJECT)).then().statusCode(409).body("type", endsWith("case-held"));
        // The colleague naming themself changes nothing and logs nothing more.
        assign(colleague, id, assignee(OFFICER3_SUBJECT)).then().statusCode(200)
                .body("holder.assignedBy", equalTo("residency-officer"));
        assertEquals(1, assignments(id));

        try (Connection c = dataSource.getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "UPDATE move_in_holder_assignment SET to_officer = 'x' WHERE report_id = '" + id + "'"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "DELETE FROM move_in_holder_assignment WHERE report_id = '" + id + "'"));
        }
        assertEquals(1, assignments(id));

        given().auth().oauth2(colleague).contentType("application/json").body("{\"reason\":\"거주 사실 미확인\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("holder", nullValue());
        assign(first, id, assignee(OFFICER3_SUBJECT)).then().statusCode(409).body("type", endsWith("conflict"));
    }

    @Test
    void aReportNoOfficeCoversMayBeAssignedToAnyOfficer() throws SQLException {
        filed = given().auth().oauth2(Tokens.of("citizen2")).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + DAEJEON + "\",\"movedInOn\":\""
                        + LocalDate.now(KoreanTime.ZONE) + "\"}")
                .when().post(MINE).then().statusCode(201).body("office", nullValue()).extract().path("id");
        String haeundae = Tokens.of("residency-officer2");
        for (String officer : List.of(first, colleague, haeundae)) {
            given().auth().oauth2(officer).when().get(QUEUE + "/counts").then().statusCode(200);
        }
        given().auth().oauth2(haeundae).when().get(QUEUE + "/" + filed + "/assignees").then().statusCode(200)
                .body("officer", hasItems("residency-officer", "residency-officer2", "residency-officer3"));
        assign(haeundae, filed, assignee(OFFICER1_SUBJECT)).then().statusCode(200)
                .body("holder.officer", equalTo("residency-officer"))
                .body("holder.assignedBy", equalTo("residency-officer2"));
        assertEquals(1, assignments(filed));
    }
}
