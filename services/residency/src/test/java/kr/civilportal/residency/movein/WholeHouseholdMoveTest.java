package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static kr.civilportal.residency.movein.MoveInTest.MINE;
import static kr.civilportal.residency.movein.MoveInTest.QUEUE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.residency.demo.DemoResidents;
import kr.civilportal.residency.resident.RelationToHead;
import kr.civilportal.residency.resident.Resident;
import kr.civilportal.residency.resident.ResidentRecords;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * 세대 전부 / 일부 전입: a report naming the members of the filer's household who move with them (movers), refused
 * as HouseholdMove says with nothing written, and approved moving everyone in one transaction. The demo head moves
 * their household only as far as filing (then withdraws), so that other tests find them where they were; approvals
 * move households of this test's own.
 */
@QuarkusTest
class WholeHouseholdMoveTest {

    static final String ME = "/api/residency/v1/me";
    static final String MAPO = "서울특별시 마포구 월드컵북로 400, 801호";
    /** MAPO as the road-name register writes it: the address the movers' records show after approval. */
    static final String MAPO_REGISTERED = "서울특별시 마포구 월드컵북로 400 (상암동), 801호";
    /** Where the test families live, an address of the register as a record holds it. */
    static final String JONGNO = "서울특별시 종로구 율곡로 99 (와룡동), 3층";
    static final LocalDate MOVED_IN = LocalDate.of(2026, 11, 2);

    @Inject
    DataSource dataSource;

    @Inject
    MoveIns moveIns;

    @Inject
    ResidentRecords records;

    @Inject
    RrnCipher cipher;

    static String report(String movers) {
        return "{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + MAPO + "\",\"movedInOn\":\"" + MOVED_IN + "\""
                + (movers == null ? "" : ",\"movers\":" + movers) + "}";
    }

    static MoveInRequest newHousehold(UUID... movers) {
        return new MoveInRequest(MoveInReport.Mode.NEW_HOUSEHOLD, MAPO, MOVED_IN, null, null, List.of(movers));
    }

    @Test
    void theDemoHeadFilesForTheWholeHouseholdAndSeesWhoMovesByMaskedName() {
        String citizen = Tokens.of("citizen");
        List<String> members = given().auth().oauth2(citizen).when().get(ME).then().statusCode(200)
                .extract().path("household.members.findAll { it.relationToHead != 'HEAD' }.residentId");
        assertEquals(2, members.size());
        String id = given().auth().oauth2(citizen).contentType("application/json")
                .body(report("[\"" + members.get(0) + "\",\"" + members.get(1) + "\"]"))
                .when().post(MINE).then().statusCode(201)
                .body("moverCount", equalTo(3))
                .body("movers.name", containsInAnyOrder("박*호", "박*린"))
                .body("movers.relationToHead", containsInAnyOrder("SPOUSE", "CHILD"))
                .body(not(containsString("880702"))).body(not(containsString("박준호")))
                .extract().path("id");
        try {
            given().auth().oauth2(citizen).when().get(MINE + "/" + id).then().statusCode(200)
                    .body("moverCount", equalTo(3)).body("movers.name", containsInAnyOrder("박*호", "박*린"));
            given().auth().oauth2(Tokens.of("residency-officer")).when().get(QUEUE).then().statusCode(200)
                    .body("find { it.id == '" + id + "' }.moverCount", equalTo(3))
                    .body("find { it.id == '" + id + "' }.movers.name", containsInAnyOrder("박*호", "박*린"));
            // Someone moving on an open report files nothing of their own; the head's second report is refused too.
            given().auth().oauth2(citizen).contentType("application/json")
                    .body(report("[\"" + members.get(0) + "\",\"" + members.get(1) + "\"]"))
                    .when().post(MINE).then().statusCode(409).contentType("application/problem+json");
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> moveIns.file(UUID.fromString(members.get(0)), newHousehold()));
            assertEquals(409, refused.problem().status());
        } finally {
            given().auth().oauth2(citizen).when().post(MINE + "/" + id + "/withdrawal").then().statusCode(200);
        }
    }

    @Test
    void aRetriedFilingWithItsKeyIsTheSameReportAndTheKeyNamesItsMovers() {
        String citizen = Tokens.of("citizen");
        List<String> members = given().auth().oauth2(citizen).when().get(ME).then().statusCode(200)
                .extract().path("household.members.findAll { it.relationToHead != 'HEAD' }.residentId");
        String key = UUID.randomUUID().toString();
        String body = report("[\"" + members.get(0) + "\",\"" + members.get(1) + "\"]");
        String id = given().auth().oauth2(citizen).header("Idempotency-Key", key).contentType("application/json")
                .body(body).when().post(MINE).then().statusCode(201).extract().path("id");
        try {
            given().auth().oauth2(citizen).header("Idempotency-Key", key).contentType("application/json")
                    .body(body).when().post(MINE).then().statusCode(201)
                    .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("moverCount", equalTo(3));
            // The same key for other movers is another report: refused, not replayed.
            given().auth().oauth2(citizen).header("Idempotency-Key", key).contentType("application/json")
                    .body(report("[\"" + members.get(1) + "\",\"" + members.get(0) + "\"]")).when().post(MINE)
                    .then().statusCode(422);
        } finally {
            given().auth().oauth2(citizen).when().post(MINE + "/" + id + "/withdrawal").then().statusCode(200);
        }
    }

    @Test
    void badMoversAreFieldErrorsAndAHeadLeavingSomeBehindAConflictAndNothingIsWritten() throws Exception {
        String citizen = Tokens.of("citizen");
        List<String> members = given().auth().oauth2(citizen).when().get(ME).then().statusCode(200)
                .extract().path("household.members.findAll { it.relationToHead != 'HEAD' }.residentId");
        String spouse = members.get(0);
        long reports = Rows.count(dataSource, "SELECT count(*) FROM move_in_report");
        long movers = Rows.count(dataSource, "SELECT count(*) FROM move_in_mover");
        String[] bad = {
                "[\"" + spouse + "\",\"" + UUID.randomUUID() + "\",\"" + members.get(1) + "\"]", // unknown
                "[\"" + spouse + "\",\"" + spouse + "\",\"" + members.get(1) + "\"]",          // twice
                "[\"" + spouse + "\",\"" + members.get(1) + "\",\"" + DemoResidents.CITIZEN2 + "\"]", // another household
                "[\"" + spouse + "\",\"" + members.get(1) + "\",\"" + DemoResidents.CITIZEN + "\"]",  // the filer
                "[\"" + spouse + "\",null]",
                "[\"not-an-id\"]",
                "\"wholeHousehold\"",
        };
        for (String m : bad) {
            given().auth().oauth2(citizen).contentType("application/json").body(report(m))
                    .when().post(MINE).then().statusCode(400).contentType("application/problem+json")
                    // A malformed id is named by its place in the list (movers[0]), as Jackson reads it.
                    .body("errors[0].field", org.hamcrest.Matchers.startsWith("movers"));
        }
        for (String m : new String[] {null, "[]", "[\"" + spouse + "\"]"}) {
            given().auth().oauth2(citizen).contentType("application/json").body(report(m))
                    .when().post(MINE).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("세대주 변경"));
        }
        assertEquals(reports, Rows.count(dataSource, "SELECT count(*) FROM move_in_report"));
        assertEquals(movers, Rows.count(dataSource, "SELECT count(*) FROM move_in_mover"));
        given().auth().oauth2(citizen).when().get(ME).then()
                .body("household.members.residentId", containsInAnyOrder(DemoResidents.CITIZEN.toString(),
                        members.get(0), members.get(1)));
    }

    @Test
    void approvalMovesTheWholeHouseholdWithItsRelations() throws Exception {
        List<UUID> family = HouseholdMoveTestFamilies.household(cipher, JONGNO, new String[] {"정우성", "한지민", "정하늘"},
                RelationToHead.HEAD, RelationToHead.SPOUSE, RelationToHead.CHILD);
        MoveInView filed = moveIns.file(family.get(0), newHousehold(family.get(1), family.get(2)));
        assertEquals(3, filed.moverCount());
        given().auth().oauth2(Tokens.of("residency-officer")).when().post(QUEUE + "/" + filed.id() + "/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("moverCount", equalTo(3));
        UUID household = QuarkusTransaction.requiringNew().call(
                () -> Resident.<Resident>findById(family.get(0)).household.id);
        for (UUID member : family) {
            var record = records.recordOf(member);
            assertEquals(MAPO_REGISTERED, record.address());
            assertEquals(household, record.household().id());
            var history = records.addressHistoryOf(member);
            assertEquals(MAPO_REGISTERED, history.get(history.size() - 1).address());
            assertEquals(MOVED_IN, history.get(history.size() - 1).movedInOn());
            assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM access_log WHERE resident_id = ? "
                    + "AND action = 'DECIDE_MOVE_IN'", member));
        }
        assertEquals(List.of(RelationToHead.HEAD, RelationToHead.SPOUSE, RelationToHead.CHILD),
                records.recordOf(family.get(0)).household().members().stream().map(m -> m.relationToHead()).toList());
    }

    @Test
    void aMemberMovesWithAnotherWhoBecomesAnOtherMemberAndTheHeadStays() {
        List<UUID> family = HouseholdMoveTestFamilies.household(cipher, JONGNO, new String[] {"오세훈", "오민지", "오민수"},
                RelationToHead.HEAD, RelationToHead.CHILD, RelationToHead.CHILD);
        MoveInView filed = moveIns.file(family.get(1), newHousehold(family.get(2)));
        given().auth().oauth2(Tokens.of("residency-officer")).when().post(QUEUE + "/" + filed.id() + "/approval")
                .then().statusCode(200).body("movers.relationToHead", contains("OTHER"))
                .body("movers.name", contains("오*수"));
        var moved = records.recordOf(family.get(1)).household().members();
        assertEquals(List.of(RelationToHead.HEAD, RelationToHead.OTHER), moved.stream().map(m -> m.relationToHead()).toList());
        assertEquals(List.of(family.get(1), family.get(2)), moved.stream().map(m -> m.residentId()).toList());
        assertEquals(JONGNO, records.recordOf(family.get(0)).address());
        assertEquals(1, records.recordOf(family.get(0)).household().members().size());
    }

    @Test
    void theHeadAskedToConsentSeesHowManyWouldJoin() {
        List<UUID> family = HouseholdMoveTestFamilies.household(cipher, JONGNO, new String[] {"신동엽", "신하나", "신두나"},
                RelationToHead.HEAD, RelationToHead.CHILD, RelationToHead.CHILD);
        MoveInView filed = moveIns.file(family.get(1), new MoveInRequest(MoveInReport.Mode.JOIN_HOUSEHOLD, null,
                MOVED_IN, "951108-2456787", RelationToHead.SIBLING, List.of(family.get(2))));
        assertEquals(2, filed.moverCount());
        assertEquals(List.of(RelationToHead.OTHER), filed.movers().stream().map(MoveInView.Mover::relationToHead).toList());
        try {
            given().auth().oauth2(Tokens.of("citizen2")).when().get(MoveInTest.JOINS).then().statusCode(200)
                    .body("find { it.id == '" + filed.id() + "' }.moverCount", equalTo(2))
                    .body(not(containsString("신두나")));
        } finally {
            moveIns.withdraw(family.get(1), filed.id());
        }
    }

    @Test
    void theOfficeDecidingReadsTheRecordsOfThoseMovingWithTheFilerWhileTheReportWaits() {
        List<UUID> family = HouseholdMoveTestFamilies.household(cipher, "부산광역시 해운대구 해운대해변로 30 (우동), 101호",
                new String[] {"장동건", "고소영"}, RelationToHead.HEAD, RelationToHead.SPOUSE);
        String mapo = Tokens.of("residency-officer");
        String record = "/api/residency/v1/officer/residents/" + family.get(1);
        given().auth().oauth2(mapo).queryParam("reason", "전입 사실 조사").when().get(record).then().statusCode(404);
        MoveInView filed = moveIns.file(family.get(0), newHousehold(family.get(1)));
        given().auth().oauth2(mapo).queryParam("reason", "전입 사실 조사").when().get(record).then().statusCode(200);
        moveIns.withdraw(family.get(0), filed.id());
        given().auth().oauth2(mapo).queryParam("reason", "전입 사실 조사").when().get(record).then().statusCode(404);
    }

    @Test
    void aMoverWithAReportOfTheirOwnIsAConflict() throws Exception {
        List<UUID> family = HouseholdMoveTestFamilies.household(cipher, JONGNO, new String[] {"유재석", "나경은"},
                RelationToHead.HEAD, RelationToHead.SPOUSE);
        MoveInView own = moveIns.file(family.get(1), newHousehold());
        long reports = Rows.count(dataSource, "SELECT count(*) FROM move_in_report");
        ProblemException refused = assertThrows(ProblemException.class,
                () -> moveIns.file(family.get(0), newHousehold(family.get(1))));
        assertEquals(409, refused.problem().status());
        assertEquals(reports, Rows.count(dataSource, "SELECT count(*) FROM move_in_report"));
        moveIns.withdraw(family.get(1), own.id());
    }

    @Test
    void aHouseholdChangedSinceFilingIsAConflictAtApprovalAndNobodyMoves() {
        List<UUID> family = HouseholdMoveTestFamilies.household(cipher, JONGNO, new String[] {"강호동", "이효진"},
                RelationToHead.HEAD, RelationToHead.SPOUSE);
        MoveInView filed = moveIns.file(family.get(0), newHousehold(family.get(1)));
        // Someone joins the household after filing (as an approved 세대 합가 would): the head would leave them behind.
        QuarkusTransaction.requiringNew().run(() -> Resident.create(UUID.randomUUID(), "강시후",
                ResidentRegistrationNumber.parse(HouseholdMoveTestFamilies.number()),
                Resident.<Resident>findById(family.get(0)).household, RelationToHead.CHILD, cipher).persist());
        given().auth().oauth2(Tokens.of("residency-officer")).when().post(QUEUE + "/" + filed.id() + "/approval")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(JONGNO, records.recordOf(family.get(0)).address());
        assertEquals(JONGNO, records.recordOf(family.get(1)).address());
        moveIns.withdraw(family.get(0), filed.id());
    }
    /**
     * A replica of the previous version (during a rolling update) knows nothing of movers: its approval would move
     * the filer alone. The database refuses it at commit (V12), so nobody moves.
     */
    @Test
    void anApprovalThatMovesTheFilerAloneIsRefusedByTheDatabaseAndNobodyMoves() throws Exception {
        List<UUID> family = HouseholdMoveTestFamilies.household(cipher, JONGNO, new String[] {"유재석", "나경은"},
                RelationToHead.HEAD, RelationToHead.SPOUSE);
        MoveInView filed = moveIns.file(family.get(0), newHousehold(family.get(1)));
        UUID newHousehold = UUID.randomUUID();
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                // What the previous version's approval wrote: a new household, the filer in it, the report approved.
                statement.executeUpdate("INSERT INTO household (id, address) VALUES ('" + newHousehold + "', '" + MAPO_REGISTERED
                        + "')");
                statement.executeUpdate("UPDATE resident SET household_id = '" + newHousehold + "' WHERE id = '"
                        + family.get(0) + "'");
                statement.executeUpdate("UPDATE move_in_report SET status = 'APPROVED', decided_at = now(), "
                        + "decided_by = 'residency-officer' WHERE id = '" + filed.id() + "'");
            }
            java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, connection::commit);
            assertTrue(refused.getMessage().contains("without moving the members it names"), refused.getMessage());
        }
        assertEquals(JONGNO, records.recordOf(family.get(0)).address());
        assertEquals(JONGNO, records.recordOf(family.get(1)).address());
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM move_in_report WHERE id = ? AND status = "
                + "'SUBMITTED'", filed.id()));
        moveIns.withdraw(family.get(0), filed.id());
    }
}
