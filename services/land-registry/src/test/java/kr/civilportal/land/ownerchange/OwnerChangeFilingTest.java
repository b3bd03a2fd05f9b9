package kr.civilportal.land.ownerchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A citizen's owner-change request (소유자 변동 신청) from filing to decision, as the citizen and the land officers
 * of two offices see it: land-officer and land-officer3 work for 종로구청, land-officer2 for 강남구청.
 */
@QuarkusTest
class OwnerChangeFilingTest {

    private static final String FILINGS = "/api/land/v1/owner-change-requests";
    private static final String QUEUE = "/api/land/v1/officer/owner-change-requests";
    /** 서울특별시 종로구 신교동 1-2 (종로구청), used by this class only. */
    private static final String SINGYO_1_2 = "1111010200100010002";
    /** 서울특별시 강남구 역삼동 737-1 (강남구청), used by this class only. */
    private static final String YEOKSAM_737_1 = "1168010100107370001";

    /** The demo realm's land officers' account ids (portal-realm.dev-overlay.json). */
    private static final String LAND_OFFICER1_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000013";
    private static final String LAND_OFFICER2_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000022";
    private static final String LAND_OFFICER3_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000023";

    final String citizen = Tokens.of("citizen");
    final String jongno = Tokens.of("land-officer");
    final String gangnam = Tokens.of("land-officer2");

    @Inject
    DataSource dataSource;

    private static String filing(String pnu, String owner, String share, String cause) {
        return "{\"pnu\":\"" + pnu + "\",\"change\":{\"ownerName\":\"" + owner + "\",\"share\":\"" + share
                + "\",\"changedOn\":\"2026-11-02\",\"cause\":\"" + cause + "\"}}";
    }

    private String file(String pnu, String owner) {
        return given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(filing(pnu, owner, "1/2", "INHERITANCE"))
                .when().post(FILINGS)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aRequestReachesTheOfficersOfItsParcelsOfficeOnly() {
        Response filed = given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(filing(SINGYO_1_2, "권나래", "1/2", "INHERITANCE"))
                .when().post(FILINGS);
        filed.then().statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .body("address", equalTo("서울특별시 종로구 신교동 1-2"))
                .body("ownerName", equalTo("권*래"))
                .body("officeName", equalTo("종로구청"))
                .body("dueOn", notNullValue())
                .body("overdue", equalTo(false))
                // Nothing of the officers' work reaches the filer.
                .body("requestedBy", nullValue())
                .body("holder", nullValue());
        String id = filed.path("id");
        assertEquals(filed.header("Location").endsWith(FILINGS + "/" + id), true, filed.header("Location"));
        LocalDate received = LocalDate.now(KoreanTime.ZONE);
        LocalDate due = LocalDate.parse(filed.path("dueOn"));
        assertEquals(true, due.isAfter(received.plusDays(6)) && !due.isAfter(received.plusDays(30)),
                "seven working days from " + received + ": " + due);

        given().auth().oauth2(jongno).when().get(QUEUE)
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.ownerName", equalTo("권나래"))
                .body("find { it.id == '" + id + "' }.requestedBy", equalTo("citizen"))
                .body("find { it.id == '" + id + "' }.office", equalTo("SEOUL-JONGNO"));
        given().auth().oauth2(gangnam).when().get(QUEUE)
                .then().statusCode(200).body("id", not(hasItem(id)));
        // Another office's officer cannot act on it: 404, as an unknown request, and nothing changes.
        given().auth().oauth2(gangnam).when().put(QUEUE + "/{id}/holder", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(gangnam).when().post(QUEUE + "/{id}/approval", id).then().statusCode(404);
        given().auth().oauth2(jongno).when().get(QUEUE)
                .then().body("find { it.id == '" + id + "' }.status", equalTo("RECEIVED"))
                .body("find { it.id == '" + id + "' }.holder", nullValue());
        // Nor can another citizen read it.
        given().auth().oauth2(Tokens.of("citizen2")).when().get(FILINGS + "/{id}", id).then().statusCode(404);
    }

    @Test
    void theHolderApprovesAndTheChangeIsOnTheRegister() throws SQLException {
        String id = file(SINGYO_1_2, "서보람");
        LocalDate dayOfBefore = LocalDate.now(KoreanTime.ZONE);
        Map<String, Integer> before = counts(jongno);

        given().auth().oauth2(jongno).when().put(QUEUE + "/{id}/holder", id)
                .then().statusCode(200).body("holder.officer", equalTo("land-officer"));
        given().auth().oauth2(jongno).when().get(QUEUE + "?held=MINE").then().body("id", hasItem(id));
        given().auth().oauth2(jongno).when().get(QUEUE + "?held=NOBODY").then().body("id", not(hasItem(id)));
        Map<String, Integer> held = counts(jongno);
        assertEquals(before.get("inProgress") + 1, held.get("inProgress"));
        assertEquals(before.get("received") - 1, held.get("received"));

        long reads = reads(SINGYO_1_2);
        given().auth().oauth2(jongno).when().get(QUEUE).then().statusCode(200);
        assertEquals(reads + 1, reads(SINGYO_1_2), "the queue answered the name in full: logged as a read first");
        // The decision answers the names masked (its stored answer may be replayed without a read entry), and a
        // retry with the same Idempotency-Key appends nothing more.
        String key = UUID.randomUUID().toString();
        int sequence = given().auth().oauth2(jongno).header("Idempotency-Key", key)
                .when().post(QUEUE + "/{id}/approval", id)
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("land-officer"))
                .body("ownerName", equalTo("서*람"))
                .body("holder", nullValue())
                .extract().path("ownerChangeSequence");
        given().auth().oauth2(jongno).header("Idempotency-Key", key).when().post(QUEUE + "/{id}/approval", id)
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("ownerChangeSequence", equalTo(sequence));

        // On the register at once, newest first, as the filer asked.
        given().auth().oauth2(jongno).when().get("/api/land/v1/parcels/{pnu}", SINGYO_1_2)
                .then().statusCode(200)
                .body("ownerHistory[0].sequence", equalTo(sequence))
                .body("ownerHistory[0].ownerName", equalTo("서보람"))
                .body("ownerHistory[0].share", equalTo("1/2"))
                .body("ownerHistory[0].cause", equalTo("INHERITANCE"));
        given().auth().oauth2(citizen).when().get(FILINGS + "/{id}", id)
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", nullValue());
        given().auth().oauth2(citizen).when().get(FILINGS).then().statusCode(200).body("id", hasItem(id));
        Map<String, Integer> after = counts(jongno);
        if (LocalDate.now(KoreanTime.ZONE).equals(dayOfBefore)) {
            assertEquals(before.get("decidedToday") + 1, after.get("decidedToday"));
        } else {
            // Midnight in Korea passed meanwhile: today's count started again, with this decision or without it.
            assertEquals(true, after.get("decidedToday") <= 1, "decided since midnight: " + after);
        }
        given().auth().oauth2(jongno).when().get(QUEUE).then().body("id", not(hasItem(id)));

        // Decided: no second approval, and no second entry.
        given().auth().oauth2(jongno).when().post(QUEUE + "/{id}/approval", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(jongno).when().get("/api/land/v1/parcels/{pnu}", SINGYO_1_2)
                .then().body("ownerHistory[0].sequence", equalTo(sequence));
    }

    @Test
    void aRejectionNeedsAReasonTheFilerReads() {
        String id = file(YEOKSAM_737_1, "문소라");
        given().auth().oauth2(gangnam).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .when().post(QUEUE + "/{id}/rejection", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(citizen).when().get(FILINGS + "/{id}", id).then().body("status", equalTo("RECEIVED"));

        given().auth().oauth2(gangnam).contentType(ContentType.JSON)
                .body("{\"reason\":\"등기사항증명서의 소유자와 신청 내용이 다릅니다\"}")
                .when().post(QUEUE + "/{id}/rejection", id)
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(citizen).when().get(FILINGS + "/{id}", id)
                .then().body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("등기사항증명서의 소유자와 신청 내용이 다릅니다"))
                .body("ownerName", equalTo("문*라"));
        given().auth().oauth2(gangnam).when().get("/api/land/v1/parcels/{pnu}", YEOKSAM_737_1)
                .then().body("ownerHistory.ownerName", not(hasItem("문소라")));
    }

    @Test
    void badRequestsAreRefusedAndFileNothing() throws SQLException {
        long before = rows();
        for (String body : new String[] {
                filing("1111010200199990000", "김하늘", "1/1", "SALE"),      // no such parcel
                filing("1111010200100010003", "김하늘", "1/1", "SALE"),      // no such parcel either
                filing("12345", "김하늘", "1/1", "SALE"),                     // not a PNU
                filing(SINGYO_1_2, "김하늘", "3/2", "SALE"),                  // more than the whole
                filing(SINGYO_1_2, " ", "1/1", "SALE"),                      // no owner
                filing(SINGYO_1_2, "김하늘", "1/1", "THEFT"),                 // no such cause
                "{\"pnu\":\"" + SINGYO_1_2 + "\"}"}) {                       // no change at all
            given().auth().oauth2(citizen).contentType(ContentType.JSON).body(body)
                    .when().post(FILINGS)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(filing(SINGYO_1_2, "김하늘", "1/1", "SALE").replace("2026-11-02", "2999-01-01"))
                .when().post(FILINGS).then().statusCode(400).body("errors.field", hasItem("change.changedOn"));
        // The share's value is checked beyond Bean Validation, and its error names the same path.
        given().auth().oauth2(citizen).contentType(ContentType.JSON).body(filing(SINGYO_1_2, "김하늘", "3/2", "SALE"))
                .when().post(FILINGS).then().statusCode(400).body("errors.field", hasItem("change.share"));
        given().auth().oauth2(jongno).when().get(QUEUE + "?held=ME")
                .then().statusCode(400).body("errors.field", hasItem("held"));
        assertEquals(before, rows(), "nothing was filed");
    }

    @Test
    void aRetriedFilingIsFiledOnce() throws SQLException {
        long before = rows();
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(citizen).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(filing(SINGYO_1_2, "노하윤", "1/1", "GIFT")).when().post(FILINGS)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(citizen).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(filing(SINGYO_1_2, "노하윤", "1/1", "GIFT")).when().post(FILINGS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(before + 1, rows());
    }

    @Test
    void aRequestWhoseHolderIsAwayIsTakenOverWithAReasonThatIsKept() throws SQLException {
        String id = file(SINGYO_1_2, "하예린");
        // A colleague of 종로구청 took it and went on leave (set in the database: the demo realm has one 종로 land officer).
        execute("UPDATE owner_change_filing SET holder_subject = 'colleague-subject', holder_name = 'land-officer9', "
                + "held_since = now() WHERE id = '" + id + "'");
        given().auth().oauth2(jongno).when().put(QUEUE + "/{id}/holder", id)
                .then().statusCode(409).body("type", equalTo("urn:civilportal:problem:case-held"))
                .body("detailKo", containsString("land-officer9"));
        given().auth().oauth2(jongno).when().post(QUEUE + "/{id}/approval", id).then().statusCode(409);
        long logged = count("SELECT count(*) FROM owner_change_filing_takeover WHERE filing_id = '" + id + "'");
        given().auth().oauth2(jongno).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .when().post(QUEUE + "/{id}/holder/takeover", id)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(gangnam).contentType(ContentType.JSON).body("{\"reason\":\"휴가\"}")
                .when().post(QUEUE + "/{id}/holder/takeover", id).then().statusCode(404);

        given().auth().oauth2(jongno).contentType(ContentType.JSON).body("{\"reason\":\"담당자 휴가, 처리기한 임박\"}")
                .when().post(QUEUE + "/{id}/holder/takeover", id)
                .then().statusCode(200)
                .body("holder.officer", equalTo("land-officer"))
                .body("holder.takenOverFrom", equalTo("land-officer9"))
                .body("holder.takeoverReason", equalTo("담당자 휴가, 처리기한 임박"));
        assertEquals(logged + 1, count("SELECT count(*) FROM owner_change_filing_takeover WHERE filing_id = '" + id + "'"));
        // The filer sees nothing of it.
        given().auth().oauth2(citizen).when().get(FILINGS + "/{id}", id).then().body("holder", nullValue());
        given().auth().oauth2(jongno).contentType(ContentType.JSON).body("{\"reason\":\"사유\"}")
                .when().post(QUEUE + "/{id}/rejection", id).then().statusCode(200).body("holder", nullValue());
    }

    @Test
    void anOfficerAssignsARequestToAColleagueOfItsOfficeOnly() throws SQLException {
        String id = file(SINGYO_1_2, "남궁민");
        String colleague = Tokens.of("land-officer3");
        // Officers enter the roster (직원 명부) as they open their queue.
        given().auth().oauth2(colleague).when().get(QUEUE).then().statusCode(200);
        given().auth().oauth2(gangnam).when().get(QUEUE).then().statusCode(200);

        List<String> assignees = given().auth().oauth2(jongno).when().get(QUEUE + "/{id}/assignees", id)
                .then().statusCode(200).extract().path("officer");
        assertTrue(assignees.containsAll(List.of("land-officer", "land-officer3")), assignees.toString());
        assertFalse(assignees.contains("land-officer2"), "강남구청's officer is no colleague for 종로구청's request");
        given().auth().oauth2(gangnam).when().get(QUEUE + "/{id}/assignees", id).then().statusCode(404);

        long logged = count("SELECT count(*) FROM owner_change_filing_assignment WHERE filing_id = '" + id + "'");
        for (String refused : new String[] {"{\"assignee\":\"" + LAND_OFFICER2_SUBJECT + "\"}",
                "{\"assignee\":\"no-such-officer\"}", "{\"assignee\":\"\"}", "{}"}) {
            given().auth().oauth2(jongno).contentType(ContentType.JSON).body(refused)
                    .when().post(QUEUE + "/{id}/holder/assignment", id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("assignee"));
        }
        given().auth().oauth2(gangnam).contentType(ContentType.JSON)
                .body("{\"assignee\":\"" + LAND_OFFICER2_SUBJECT + "\"}")
                .when().post(QUEUE + "/{id}/holder/assignment", id).then().statusCode(404);
        given().auth().oauth2(jongno).when().get(QUEUE)
                .then().body("find { it.id == '" + id + "' }.holder", nullValue());

        given().auth().oauth2(jongno).contentType(ContentType.JSON)
                .body("{\"assignee\":\"" + LAND_OFFICER3_SUBJECT + "\"}")
                .when().post(QUEUE + "/{id}/holder/assignment", id)
                .then().statusCode(200)
                .body("holder.officer", equalTo("land-officer3"))
                .body("holder.assignedBy", equalTo("land-officer"));
        assertEquals(logged + 1, count("SELECT count(*) FROM owner_change_filing_assignment WHERE filing_id = '" + id
                + "'"));
        given().auth().oauth2(colleague).when().get(QUEUE + "?held=MINE")
                .then().statusCode(200).body("id", hasItem(id));
        // Once assigned, it is the colleague's: the assigner no longer acts on it, nor assigns it again.
        given().auth().oauth2(jongno).when().post(QUEUE + "/{id}/approval", id)
                .then().statusCode(409).body("type", equalTo("urn:civilportal:problem:case-held"));
        given().auth().oauth2(jongno).contentType(ContentType.JSON)
                .body("{\"assignee\":\"" + LAND_OFFICER1_SUBJECT + "\"}")
                .when().post(QUEUE + "/{id}/holder/assignment", id)
                .then().statusCode(409).body("type", equalTo("urn:civilportal:problem:case-held"));
        given().auth().oauth2(colleague).when().post(QUEUE + "/{id}/approval", id)
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("holder", nullValue());
    }

    @Test
    void namingOneselfTakesTheRequestEvenOffTheRoster() throws SQLException {
        String id = file(SINGYO_1_2, "봉수아");
        // The caller's entry has lapsed (a month off, and this replica has not written it again yet): their own
        // token shows they work for the office.
        given().auth().oauth2(jongno).when().get(QUEUE).then().statusCode(200);
        execute("UPDATE official_roster SET last_seen = now() - interval '40 days' WHERE subject = '"
                + LAND_OFFICER1_SUBJECT + "'");
        try {
            given().auth().oauth2(jongno).contentType(ContentType.JSON)
                    .body("{\"assignee\":\"" + LAND_OFFICER1_SUBJECT + "\"}")
                    .when().post(QUEUE + "/{id}/holder/assignment", id)
                    .then().statusCode(200).body("holder.officer", equalTo("land-officer"))
                    .body("holder.assignedBy", nullValue());
            given().auth().oauth2(jongno).when().delete(QUEUE + "/{id}/holder", id).then().statusCode(200);
        } finally {
            execute("UPDATE official_roster SET last_seen = now() WHERE subject = '" + LAND_OFFICER1_SUBJECT + "'");
        }
    }

    @Test
    void aReplicaThatKnowsNothingOfAssignmentsLetsAnAssignedRequestGo() throws SQLException {
        String id = file(SINGYO_1_2, "염하준");
        given().auth().oauth2(Tokens.of("land-officer3")).when().get(QUEUE).then().statusCode(200);
        given().auth().oauth2(jongno).contentType(ContentType.JSON)
                .body("{\"assignee\":\"" + LAND_OFFICER3_SUBJECT + "\"}")
                .when().post(QUEUE + "/{id}/holder/assignment", id).then().statusCode(200);
        // The previous version's release writes the holder's columns only (during a rolling update): not refused,
        // and the request no longer says who assigned it.
        execute("UPDATE owner_change_filing SET holder_subject = NULL, holder_name = NULL, held_since = NULL "
                + "WHERE id = '" + id + "'");
        assertEquals(0, count("SELECT count(*) FROM owner_change_filing WHERE assigned_by IS NOT NULL AND id = '" + id
                + "'"));
        given().auth().oauth2(jongno).when().get(QUEUE)
                .then().body("find { it.id == '" + id + "' }.holder", nullValue());
    }

    private void execute(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static Map<String, Integer> counts(String token) {
        return given().auth().oauth2(token).when().get(QUEUE + "/counts").then().statusCode(200).extract().as(Map.class);
    }

    private long rows() throws SQLException {
        return count("SELECT count(*) FROM owner_change_filing");
    }

    private long reads(String pnu) throws SQLException {
        return count("SELECT count(*) FROM owner_name_read WHERE action = 'READ_OWNERS' AND reason = '"
                + OwnerChangeFilings.QUEUE_WORK + "' AND pnu = '" + pnu + "'");
    }

    private long count(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
