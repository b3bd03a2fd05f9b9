package kr.civilportal.residency.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.residency.demo.DemoResidents;
import kr.civilportal.testsupport.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 세대주 변경신고 as the people concerned live it, through the API. Both the filer and the new head must sign in, so each
 * test first makes the demo user {@code citizen4} (오승민, head alone) a member (SIBLING) of {@code citizen3}'s household
 * (최도윤 head, 한예린 spouse), and puts both households back afterwards: no other residency test signs in as them.
 * Requests to join that household (세대 합가) are filed by {@code citizen2} (이서연), whose open reports end afterwards.
 */
@QuarkusTest
class HeadChangeTest {

    static final String CHANGES = "/api/residency/v1/household/head-changes";
    static final String ME = "/api/residency/v1/me";
    static final String MOVE_INS = "/api/residency/v1/move-ins";
    static final UUID HOUSEHOLD_3 = UUID.fromString("8d3f0c11-7a2b-4f60-b1a0-000000000003");
    static final UUID HOUSEHOLD_4 = UUID.fromString("8d3f0c11-7a2b-4f60-b1a0-000000000004");
    /** 한예린, citizen3's spouse: no user signs in as her. */
    static final UUID SPOUSE_3 = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000006");
    static final String JOINS = "/api/residency/v1/household/join-requests";
    static final String QUEUE = "/api/residency/v1/officer/move-ins";
    /** 최도윤's number: the head of household 3, whom a request to join it names. */
    static final String HEAD_3_NUMBER = "870412-1234565";
    /** Well-formed, on no record. */
    static final String NOBODY_NUMBER = "850505-1000016";
    /** How long a consent waiting for the household's lock is given to answer, were it not waiting. */
    static final long LOCK_WAIT_MILLIS = 1_500;
    static final long ANSWER_SECONDS = 30;
    static final String ALONE_TO_MAPO = "{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"서울특별시 마포구 월드컵북로 400, 801호\","
            + "\"movedInOn\":\"2026-11-02\"}";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void citizen4JoinsCitizen3sHousehold() throws SQLException {
        sql("UPDATE resident SET household_id = '" + HOUSEHOLD_3 + "', relation_to_head = 'SIBLING' WHERE id = '"
                + DemoResidents.CITIZEN4 + "'");
    }

    @AfterEach
    void householdsAsSeeded() throws SQLException {
        // A change left waiting ends (the history keeps it); the households are as DemoResidents seeds them.
        sql("UPDATE household_head_change SET status = 'WITHDRAWN', decided_at = now() WHERE status = 'AWAITING_NEW_HEAD'"
                + " AND household_id = '" + HOUSEHOLD_3 + "'");
        sql("UPDATE move_in_report SET status = 'WITHDRAWN', decided_at = now() WHERE status IN ('AWAITING_HEAD',"
                + " 'SUBMITTED') AND resident_id IN ('" + DemoResidents.CITIZEN3 + "', '" + DemoResidents.CITIZEN4
                + "', '" + DemoResidents.CITIZEN2 + "')");
        sql("UPDATE resident SET household_id = '" + HOUSEHOLD_3 + "', relation_to_head = 'HEAD' WHERE id = '"
                + DemoResidents.CITIZEN3 + "'");
        sql("UPDATE resident SET household_id = '" + HOUSEHOLD_3 + "', relation_to_head = 'SPOUSE' WHERE id = '"
                + SPOUSE_3 + "'");
        sql("UPDATE resident SET household_id = '" + HOUSEHOLD_4 + "', relation_to_head = 'HEAD' WHERE id = '"
                + DemoResidents.CITIZEN4 + "'");
    }

    /** 오승민 becomes head; 최도윤 his sibling, 한예린 other (기타). */
    static String toCitizen4() {
        return "{\"newHead\":\"" + DemoResidents.CITIZEN4 + "\",\"relations\":[{\"residentId\":\"" + DemoResidents.CITIZEN3
                + "\",\"relationToHead\":\"SIBLING\"},{\"residentId\":\"" + SPOUSE_3 + "\",\"relationToHead\":\"OTHER\"}]}";
    }

    static String file(String body) {
        return given().auth().oauth2(Tokens.of("citizen3")).contentType("application/json").body(body)
                .when().post(CHANGES).then().statusCode(201).extract().path("id");
    }

    @Test
    void theNewHeadConsentsAndEveryRecordAndTheCertificateShowTheNewHeadAndTheOldHeadMayMoveAlone() throws Exception {
        String citizen3 = Tokens.of("citizen3");
        String citizen4 = Tokens.of("citizen4");
        String id = given().auth().oauth2(citizen3).contentType("application/json").body(toCitizen4())
                .when().post(CHANGES).then().statusCode(201)
                .body("status", equalTo("AWAITING_NEW_HEAD")).body("role", equalTo("FILER"))
                .body("filedAt", notNullValue()).body("decidedAt", nullValue())
                .body("newHead.name", equalTo("오*민")).body("filer.name", equalTo("최*윤"))
                .body("relations.name", contains("최*윤", "한*린"))
                .body("relations.relationToHead", contains("SIBLING", "OTHER"))
                .body(not(containsString("오승민"))).body(not(containsString("870412")))
                .extract().path("id");
        // While it waits, nobody of the household files a move-in: it was filed for the household as it is.
        given().auth().oauth2(citizen4).contentType("application/json").body(ALONE_TO_MAPO).when().post(MOVE_INS)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(citizen4).when().get(CHANGES).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.role", equalTo("NEW_HEAD"))
                .body("find { it.id == '" + id + "' }.status", equalTo("AWAITING_NEW_HEAD"));

        given().auth().oauth2(citizen4).when().post(CHANGES + "/" + id + "/consent").then().statusCode(200)
                .body("status", equalTo("APPLIED")).body("role", equalTo("NEW_HEAD")).body("decidedAt", notNullValue());

        given().auth().oauth2(citizen4).when().get(ME).then().statusCode(200)
                .body("household.id", equalTo(HOUSEHOLD_3.toString()))
                .body("household.members.name", contains("오승민", "최도윤", "한예린"))
                .body("household.members.relationToHead", contains("HEAD", "SIBLING", "OTHER"));
        given().auth().oauth2(citizen3).when().get(ME).then().statusCode(200)
                .body("household.members.find { it.residentId == '" + DemoResidents.CITIZEN3 + "' }.relationToHead",
                        equalTo("SIBLING"))
                .body("household.members.find { it.residentId == '" + DemoResidents.CITIZEN4 + "' }.relationToHead",
                        equalTo("HEAD"));
        given().auth().oauth2(citizen3).when().get(CHANGES).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.status", equalTo("APPLIED"));
        // Each member's record says it changed, by whom (no official: the residents' own report).
        given().auth().oauth2(citizen3).when().get(ME + "/access-log").then().statusCode(200)
                .body("action", hasItem("HEAD_CHANGE")).body("official", hasItem(HeadChanges.BY_CONSENT));
        // The history: every member, the relation before and after.
        assertEquals(List.of("HEAD>SIBLING", "SIBLING>HEAD", "SPOUSE>OTHER"), history(id));

        // A 등본 lists the new head first, with the new relations.
        byte[] pdf = given().auth().oauth2(citizen4).contentType("application/json").body("{\"kind\":\"HOUSEHOLD\"}")
                .when().post("/api/residency/v1/certificates").then().statusCode(201).extract().asByteArray();
        String text = textOf(pdf);
        assertTrue(text.indexOf("오승민") >= 0 && text.indexOf("오승민") < text.indexOf("최도윤")
                && text.indexOf("최도윤") < text.indexOf("한예린"), text);
        assertTrue(text.contains("형제자매") && text.contains("동거인"), text);

        // No longer head, the old head moves alone (세대 일부 전입 rules), and the change is not answered twice.
        String moveIn = given().auth().oauth2(citizen3).contentType("application/json").body(ALONE_TO_MAPO)
                .when().post(MOVE_INS).then().statusCode(201).body("moverCount", equalTo(1)).extract().path("id");
        given().auth().oauth2(citizen3).when().post(MOVE_INS + "/" + moveIn + "/withdrawal").then().statusCode(200);
        given().auth().oauth2(citizen4).when().post(CHANGES + "/" + id + "/consent").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void theNewHeadRefusesAndNothingChanges() {
        String id = file(toCitizen4());
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + id + "/refusal").then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("decidedAt", notNullValue());
        given().auth().oauth2(Tokens.of("citizen3")).when().get(ME).then().statusCode(200)
                .body("household.members.relationToHead", contains("HEAD", "SPOUSE", "SIBLING"))
                .body("household.members[0].residentId", equalTo(DemoResidents.CITIZEN3.toString()));
        given().auth().oauth2(Tokens.of("citizen3")).when().get(CHANGES).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.status", equalTo("REFUSED"));
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + id + "/refusal").then().statusCode(409);
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + id + "/consent").then().statusCode(409);
    }

    @Test
    void theFilerWithdrawsWhileItWaitsAndNobodyElseCan() {
        String id = file(toCitizen4());
        given().auth().oauth2(Tokens.of("citizen4")).when().delete(CHANGES + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen")).when().delete(CHANGES + "/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("citizen3")).when().delete(CHANGES + "/" + id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("role", equalTo("FILER"));
        given().auth().oauth2(Tokens.of("citizen3")).when().delete(CHANGES + "/" + id).then().statusCode(409);
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + id + "/consent").then().statusCode(409);
        // Withdrawn, it no longer blocks: the head files again.
        file(toCitizen4());
    }

    @Test
    void onlyAHeadWithMembersFilesAndOnlyOneChangeWaits() {
        // citizen4 is a member here, citizen2 a head alone.
        given().auth().oauth2(Tokens.of("citizen4")).contentType("application/json")
                .body("{\"newHead\":\"" + DemoResidents.CITIZEN3 + "\",\"relations\":[{\"residentId\":\""
                        + DemoResidents.CITIZEN4 + "\",\"relationToHead\":\"SIBLING\"},{\"residentId\":\"" + SPOUSE_3
                        + "\",\"relationToHead\":\"SPOUSE\"}]}")
                .when().post(CHANGES).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen2")).contentType("application/json")
                .body("{\"newHead\":\"" + DemoResidents.CITIZEN + "\",\"relations\":[{\"residentId\":\""
                        + DemoResidents.CITIZEN2 + "\",\"relationToHead\":\"OTHER\"}]}")
                .when().post(CHANGES).then().statusCode(409);
        file(toCitizen4());
        given().auth().oauth2(Tokens.of("citizen3")).contentType("application/json").body(toCitizen4())
                .when().post(CHANGES).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already"));
    }

    @Test
    void aStrangersAnswerIsNotFound() {
        String id = file(toCitizen4());
        for (String user : List.of("citizen", "citizen2", "citizen3")) {
            given().auth().oauth2(Tokens.of(user)).when().post(CHANGES + "/" + id + "/consent").then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(Tokens.of(user)).when().post(CHANGES + "/" + id + "/refusal").then().statusCode(404);
        }
        given().auth().oauth2(Tokens.of("citizen")).when().get(CHANGES).then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + UUID.randomUUID() + "/consent")
                .then().statusCode(404);
    }

    @Test
    void badRelationsAreFieldErrorsAndNothingIsWritten() throws Exception {
        String head = DemoResidents.CITIZEN3.toString();
        String newHead = DemoResidents.CITIZEN4.toString();
        String spouse = SPOUSE_3.toString();
        long before = Rows.count(dataSource, "SELECT count(*) FROM household_head_change");
        Map<String, String> bad = Map.ofEntries(
                Map.entry(relations(newHead, rel(head, "SIBLING")), "relations"),                          // one missing
                Map.entry(relations(newHead, rel(head, "SIBLING"), rel(head, "SIBLING"), rel(spouse, "OTHER")),
                        "relations"),                                                                       // twice
                Map.entry(relations(newHead, rel(head, "SIBLING"), rel(spouse, "OTHER"),
                        rel(UUID.randomUUID().toString(), "OTHER")), "relations"),                          // unknown
                Map.entry(relations(newHead, rel(head, "SIBLING"), rel(spouse, "OTHER"),
                        rel(DemoResidents.CITIZEN.toString(), "OTHER")), "relations"),                      // another household's
                Map.entry(relations(newHead, rel(head, "SIBLING"), rel(spouse, "OTHER"), rel(newHead, "OTHER")),
                        "relations"),                                                                       // the new head
                Map.entry(relations(newHead), "relations"),                                                 // none
                Map.entry(relations(newHead, rel(head, "HEAD"), rel(spouse, "OTHER")), "relations[0].relationToHead"),
                Map.entry(relations(newHead, rel(head, "SIBLING"), rel(spouse, "COUSIN")), "relations[1].relationToHead"),
                Map.entry("{\"newHead\":\"" + newHead + "\",\"relations\":[{\"residentId\":\"" + head + "\"}]}",
                        "relations[0].relationToHead"),
                Map.entry(relations(head, rel(newHead, "SIBLING"), rel(spouse, "OTHER")), "newHead"),      // the filer
                Map.entry(relations(DemoResidents.CITIZEN2.toString(), rel(head, "OTHER"), rel(spouse, "OTHER"),
                        rel(newHead, "OTHER")), "newHead"),                                                 // not a member
                Map.entry(relations("someone", rel(head, "SIBLING"), rel(spouse, "OTHER")), "newHead"),
                Map.entry("{\"relations\":[{\"residentId\":\"" + head + "\",\"relationToHead\":\"SIBLING\"}]}", "newHead"));
        for (Map.Entry<String, String> b : bad.entrySet()) {
            given().auth().oauth2(Tokens.of("citizen3")).contentType("application/json").body(b.getKey())
                    .when().post(CHANGES).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(b.getValue()))
                    .body(not(containsString("870412")));
        }
        assertEquals(before, Rows.count(dataSource, "SELECT count(*) FROM household_head_change"));
    }

    @Test
    void aMemberOnAnOpenMoveInBlocksTheChange() {
        String moveIn = given().auth().oauth2(Tokens.of("citizen4")).contentType("application/json").body(ALONE_TO_MAPO)
                .when().post(MOVE_INS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("citizen3")).contentType("application/json").body(toCitizen4())
                .when().post(CHANGES).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("move-in"));
        given().auth().oauth2(Tokens.of("citizen4")).when().post(MOVE_INS + "/" + moveIn + "/withdrawal")
                .then().statusCode(200);
        file(toCitizen4());
    }

    @Test
    void aHouseholdChangedSinceFilingCancelsTheChangeAtConsent() throws Exception {
        String id = file(toCitizen4());
        // 한예린 has left the household since (as an approved move-in would move her).
        sql("UPDATE resident SET household_id = '" + HOUSEHOLD_4 + "' WHERE id = '" + SPOUSE_3 + "'");
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + id + "/consent").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen3")).when().get(CHANGES).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.status", equalTo("CANCELLED"));
        given().auth().oauth2(Tokens.of("citizen3")).when().get(ME).then().statusCode(200)
                .body("household.members.find { it.residentId == '" + DemoResidents.CITIZEN3 + "' }.relationToHead",
                        equalTo("HEAD"));
    }

    @Test
    void aRetriedFilingWithItsKeyIsTheSameChange() throws Exception {
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(Tokens.of("citizen3")).header("Idempotency-Key", key)
                .contentType("application/json").body(toCitizen4()).when().post(CHANGES).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.of("citizen3")).header("Idempotency-Key", key).contentType("application/json")
                .body(toCitizen4()).when().post(CHANGES).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM household_head_change WHERE household_id = '"
                + HOUSEHOLD_3 + "' AND status = 'AWAITING_NEW_HEAD'"));
    }

    @Test
    void theHistoryIsNeitherDeletedNorRewritten() throws Exception {
        String id = file(toCitizen4());
        assertThrows(SQLException.class, () -> sql("DELETE FROM household_head_change WHERE id = '" + id + "'"));
        assertThrows(SQLException.class, () -> sql("DELETE FROM household_head_change_relation WHERE change_id = '" + id
                + "'"));
        assertThrows(SQLException.class, () -> sql("UPDATE household_head_change_relation SET relation_after = 'CHILD'"
                + " WHERE change_id = '" + id + "'"));
        given().auth().oauth2(Tokens.of("citizen3")).when().delete(CHANGES + "/" + id).then().statusCode(200);
        assertThrows(SQLException.class, () -> sql("UPDATE household_head_change SET status = 'APPLIED' WHERE id = '"
                + id + "'"));
    }

    @Test
    void aJoinFiledWhileAChangeWaitsAnswersAsEverButItsHeadCannotConsentUntilTheChangeIsAnswered() {
        String citizen2 = Tokens.of("citizen2");
        String citizen3 = Tokens.of("citizen3");
        String change = file(toCitizen4());
        // The joiner learns nothing of the household from its number: the answer is the one a number naming nobody
        // gets (a 409 here would tell them the number is a head's, with members and a change under way).
        Map<String, Object> toNobody = filedJoin(citizen2, NOBODY_NUMBER);
        given().auth().oauth2(citizen2).when().post(MOVE_INS + "/" + toNobody.get("id") + "/withdrawal")
                .then().statusCode(200);
        Map<String, Object> toHead = filedJoin(citizen2, HEAD_3_NUMBER);
        String join = (String) toHead.get("id");
        assertEquals(withoutIdAndTime(toNobody), withoutIdAndTime(toHead));
        assertEquals("AWAITING_HEAD", toHead.get("status"));

        // The head sees it, but consenting is 409 while the change waits: the joiner's relation is to this head, who
        // may not be head once the change is answered. Nothing changes.
        given().auth().oauth2(citizen3).when().get(JOINS).then().statusCode(200).body("id", hasItem(join));
        given().auth().oauth2(citizen3).when().post(JOINS + "/" + join + "/consent").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("change of head"))
                .body("detailKo", containsString("세대주 변경신고"));
        given().auth().oauth2(citizen2).when().get(MOVE_INS + "/" + join).then().statusCode(200)
                .body("status", equalTo("AWAITING_HEAD"));
        given().auth().oauth2(Tokens.of("residency-officer")).when().get(QUEUE).then().statusCode(200)
                .body("id", not(hasItem(join)));

        // Refused, the change no longer waits: the head consents, and the request reaches the officers.
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + change + "/refusal").then()
                .statusCode(200);
        given().auth().oauth2(citizen3).when().post(JOINS + "/" + join + "/consent").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aJoinFiledWhileAChangeWaitsIsNotTheOldHeadsToConsentOnceTheChangeIsApplied() {
        String citizen3 = Tokens.of("citizen3");
        String change = file(toCitizen4());
        String join = (String) filedJoin(Tokens.of("citizen2"), HEAD_3_NUMBER).get("id");
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + change + "/consent").then()
                .statusCode(200).body("status", equalTo("APPLIED"));
        // 최도윤 is a member now: the request named him as head, so he may only decline it (the joiner asks 오승민).
        given().auth().oauth2(citizen3).when().post(JOINS + "/" + join + "/consent").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("no longer the head"));
        given().auth().oauth2(Tokens.of("citizen4")).when().get(JOINS).then().statusCode(200)
                .body("id", not(hasItem(join)));
        given().auth().oauth2(citizen3).when().post(JOINS + "/" + join + "/refusal").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void aJoinWaitingForTheHeadsAnswerBlocksAChangeUntilAnswered() throws Exception {
        String citizen3 = Tokens.of("citizen3");
        String join = (String) filedJoin(Tokens.of("citizen2"), HEAD_3_NUMBER).get("id");
        long before = Rows.count(dataSource, "SELECT count(*) FROM household_head_change");
        given().auth().oauth2(citizen3).contentType("application/json").body(toCitizen4())
                .when().post(CHANGES).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("request to join your household"))
                .body("detailKo", containsString("세대 합가"));
        assertEquals(before, Rows.count(dataSource, "SELECT count(*) FROM household_head_change"));
        // Declined, it no longer waits: the head files the change.
        given().auth().oauth2(citizen3).when().post(JOINS + "/" + join + "/refusal").then().statusCode(200);
        file(toCitizen4());
    }

    @Test
    void aJoinConsentedAndWaitingForAnOfficerBlocksAChangeUntilDecidedOrWithdrawn() {
        String citizen2 = Tokens.of("citizen2");
        String citizen3 = Tokens.of("citizen3");
        String join = (String) filedJoin(citizen2, HEAD_3_NUMBER).get("id");
        given().auth().oauth2(citizen3).when().post(JOINS + "/" + join + "/consent").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        // Approved, it would add a member whose relation is to 최도윤 as head: the change waits for the decision.
        given().auth().oauth2(citizen3).contentType("application/json").body(toCitizen4())
                .when().post(CHANGES).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("request to join your household"));
        given().auth().oauth2(citizen2).when().post(MOVE_INS + "/" + join + "/withdrawal").then().statusCode(200);
        file(toCitizen4());
    }

    @Test
    void aJoinConsentedBesideAWaitingChangeCancelsTheChangeAtItsConsent() throws Exception {
        String change = file(toCitizen4());
        String join = (String) filedJoin(Tokens.of("citizen2"), HEAD_3_NUMBER).get("id");
        // As a replica of the version before this rule, during a rolling update, would consent to it.
        sql("UPDATE move_in_report SET status = 'SUBMITTED', target_household_id = '" + HOUSEHOLD_3
                + "', head_answered_at = now() WHERE id = '" + join + "'");
        given().auth().oauth2(Tokens.of("citizen4")).when().post(CHANGES + "/" + change + "/consent").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("request to join"));
        given().auth().oauth2(Tokens.of("citizen3")).when().get(CHANGES).then().statusCode(200)
                .body("find { it.id == '" + change + "' }.status", equalTo("CANCELLED"));
        given().auth().oauth2(Tokens.of("citizen3")).when().get(ME).then().statusCode(200)
                .body("household.members.find { it.residentId == '" + DemoResidents.CITIZEN3 + "' }.relationToHead",
                        equalTo("HEAD"));
    }

    @Test
    void aConsentToAJoinWaitsForTheHouseholdLockAndSeesAChangeFiledMeanwhile() throws Exception {
        String citizen3 = Tokens.of("citizen3");
        String join = (String) filedJoin(Tokens.of("citizen2"), HEAD_3_NUMBER).get("id");
        UUID change = UUID.randomUUID();
        // A change being filed at this very moment: its filing holds the household row and has written the change,
        // not yet committed (it checked for requests to join before this one was filed).
        try (Connection filing = dataSource.getConnection()) {
            filing.setAutoCommit(false);
            try (Statement s = filing.createStatement()) {
                s.execute("SELECT id FROM household WHERE id = '" + HOUSEHOLD_3 + "' FOR UPDATE");
                s.executeUpdate("INSERT INTO household_head_change (id, household_id, filer_id, new_head_id, status,"
                        + " filed_at) VALUES ('" + change + "', '" + HOUSEHOLD_3 + "', '" + DemoResidents.CITIZEN3
                        + "', '" + DemoResidents.CITIZEN4 + "', 'AWAITING_NEW_HEAD', now())");
            }
            CompletableFuture<io.restassured.response.Response> consent = CompletableFuture.supplyAsync(
                    () -> given().auth().oauth2(citizen3).when().post(JOINS + "/" + join + "/consent"));
            Thread.sleep(LOCK_WAIT_MILLIS);
            assertFalse(consent.isDone(), "the consent waits for the household row the filing holds");
            filing.commit();
            io.restassured.response.Response answer = consent.get(ANSWER_SECONDS, TimeUnit.SECONDS);
            assertEquals(409, answer.statusCode(), answer.asString());
            assertTrue(answer.jsonPath().getString("detail").contains("change of head"), answer.asString());
        }
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MOVE_INS + "/" + join).then().statusCode(200)
                .body("status", equalTo("AWAITING_HEAD"));
    }

    /** citizen2 asks to join the household whose head the number names (or to join nobody's); 201. */
    private static Map<String, Object> filedJoin(String token, String headNumber) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"" + headNumber
                        + "\",\"relationToHead\":\"SIBLING\",\"movedInOn\":\"" + LocalDate.now(KoreanTime.ZONE)
                        + "\"}")
                .when().post(MOVE_INS).then().statusCode(201).extract().jsonPath().getMap("");
    }

    private static Map<String, Object> withoutIdAndTime(Map<String, Object> view) {
        Map<String, Object> rest = new HashMap<>(view);
        rest.remove("id");
        rest.remove("submittedAt");
        return rest;
    }

    private static String relations(String newHead, String... relations) {
        return "{\"newHead\":\"" + newHead + "\",\"relations\":[" + String.join(",", relations) + "]}";
    }

    private static String rel(String residentId, String relation) {
        return "{\"residentId\":\"" + residentId + "\",\"relationToHead\":\"" + relation + "\"}";
    }

    /** The change's history rows as before>after, in that text's order. */
    private List<String> history(String id) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT relation_before || '>' || relation_after FROM household_head_change_relation"
                     + " WHERE change_id = '" + id + "' ORDER BY 1")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static String textOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
