package kr.civilportal.admin.residency;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 담당 and 처리기한 in the move-in queue, as a residency officer sees them: the offices' day (처리 현황), who holds
 * each report and its deadline, the officer's own and the unheld ones, taking and letting go; a report another
 * officer holds offers no decision (residency would refuse it) and a refusal names the holder. A scripted gateway.
 */
@QuarkusTest
class MoveInCaseHolderTest {

    private static final String API = "/api/residency/v1/officer/move-ins";
    /** Held by another officer of the same office (residency-officer3 also works for 종로구청). */
    private final UUID others = UUID.randomUUID();
    /** Held by the signed-in officer, residency-officer. */
    private final UUID mine = UUID.randomUUID();
    /** Held by nobody, and past its 처리기한. */
    private final UUID free = UUID.randomUUID();

    @BeforeEach
    void queue() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "[" + item(others, "박서연", "residency-officer3",
                "2026-12-07T10:30:00+09:00", false) + "," + item(mine, "최도윤", "residency-officer",
                "2026-12-07T11:00:00+09:00", false) + "," + item(free, "김지민", null, "2026-12-04T18:00:00+09:00", true)
                + "]"));
    }

    /** As residency sends one to officers: {@code holder} absent while nobody holds it. */
    private static String item(UUID id, String name, String holder, String dueAt, boolean overdue) {
        return item(id, name, holder, dueAt, overdue, "");
    }

    /** One taken over (담당 인계): the holding says from whom and why. */
    private static String takenOver(UUID id, String name, String holder, String from, String reason) {
        return item(id, name, holder, "2026-12-07T10:30:00+09:00", false,
                ",\"takenOverFrom\":\"" + from + "\",\"takeoverReason\":\"" + reason + "\"");
    }

    private static String item(UUID id, String name, String holder, String dueAt, boolean overdue, String takeover) {
        return "{\"id\":\"" + id + "\",\"residentId\":\"" + UUID.randomUUID() + "\",\"residentName\":\"" + name
                + "\",\"mode\":\"NEW_HOUSEHOLD\",\"relationToHead\":\"HEAD\",\"address\":\"서울특별시 종로구 세종대로 209\","
                + "\"movedInOn\":\"2026-12-03\",\"status\":\"SUBMITTED\",\"submittedAt\":\"2026-12-03T09:00:00+09:00\","
                + "\"office\":\"SEOUL-JONGNO\",\"officeName\":\"종로구청\""
                + (holder == null ? "" : ",\"holder\":{\"officer\":\"" + holder + "\",\"since\":\"2026-12-06T01:02:03Z\""
                        + takeover + "}")
                + ",\"dueAt\":\"" + dueAt + "\",\"overdue\":" + overdue + "}";
    }

    private static String caseHeld(String holder) {
        return "{\"type\":\"urn:civilportal:problem:case-held\",\"status\":409,\"detail\":\"Officer " + holder
                + " holds this move-in report\",\"detailKo\":\"담당자 " + holder + "님이 처리 중인 전입신고입니다.\"}";
    }

    @Test
    void theQueueShowsTheDaysFiguresWhoHoldsEachReportAndItsDeadline() {
        GatewayStandIn.answer("GET", API + "/counts", r -> Answer.json(200,
                "{\"received\":3,\"inProgress\":1,\"overdue\":1,\"decidedToday\":2}"));
        String page = new PageSession(Tokens.of("residency-officer")).get("/admin/move-ins").then().statusCode(200)
                .extract().asString();

        assertTrue(page.contains("<dt>접수 대기</dt><dd id=\"count-received\">3</dd>"), page);
        assertTrue(page.contains("<dt>처리 중</dt><dd id=\"count-in-progress\">1</dd>"), page);
        assertTrue(page.contains("<dt>처리기한 경과</dt><dd id=\"count-overdue\"><strong class=\"portal-overdue\">1</strong></dd>"), page);
        assertTrue(page.contains("<dt>오늘 처리</dt><dd id=\"count-decided-today\">2</dd>"), page);

        // 담당자: a name, the officer's own said so, or 미배정; since when, in Korean time.
        assertTrue(page.contains("id=\"holder-" + others + "\">residency-officer3 · 2026-12-06 10:02 부터</dd>"), page);
        assertTrue(page.contains("id=\"holder-" + mine + "\">residency-officer (내가 담당 중) · 2026-12-06 10:02 부터</dd>"), page);
        assertTrue(page.contains("id=\"holder-" + free + "\">미배정</dd>"), page);
        // 처리기한 in Korean time; past it, said in words, not by colour alone.
        assertTrue(page.contains("id=\"due-" + others + "\">2026-12-07 10:30</dd>"), page);
        assertTrue(page.contains("id=\"due-" + free + "\"><strong class=\"portal-overdue\">처리기한 경과</strong> "
                + "(2026-12-04 18:00)</dd>"), page);

        // Another officer's report: who holds it, and neither a decision nor a take.
        assertTrue(page.contains("id=\"held-by-other-" + others + "\">담당자 residency-officer3님이 처리 중인 신고입니다."), page);
        for (String form : List.of("/approval", "/rejection", "/holder?", "/holder/release")) {
            assertTrue(!page.contains("/admin/move-ins/" + others + form), form + " offered on another's report");
        }
        // ... only its take-over, with a reason (담당 인계), labelled and described.
        assertTrue(page.contains("action=\"/admin/move-ins/" + others + "/holder/takeover"), page);
        assertTrue(page.contains("<label for=\"takeover-reason-" + others + "\">인계 사유 "), page);
        assertTrue(page.contains("aria-describedby=\"takeover-reason-" + others + "-help\""), page);
        assertTrue(page.contains("id=\"takeover-" + others + "\">담당 인계<span class=\"sr-only\"> (박서연)</span>"), page);
        assertTrue(!page.contains("id=\"takeover-" + mine + "\""), "no take-over of one's own report");
        assertTrue(!page.contains("id=\"takeover-" + free + "\""), "nobody's report is simply taken");
        // The officer's own: let go, and decide. Nobody's: take, and decide.
        assertTrue(page.contains("id=\"release-" + mine + "\""), page);
        assertTrue(page.contains("id=\"approve-" + mine + "\""), page);
        assertTrue(!page.contains("id=\"take-" + mine + "\""), page);
        assertTrue(page.contains("id=\"take-" + free + "\""), page);
        assertTrue(page.contains("id=\"approve-" + free + "\""), page);
        assertTrue(page.contains("id=\"reject-" + free + "\""), page);
        assertTrue(!page.contains("id=\"release-" + free + "\""), page);
    }

    @Test
    void withoutTheDaysFiguresTheQueueStillShows() {
        GatewayStandIn.answer("GET", API + "/counts", r -> Answer.problem(503, "{\"status\":503}"));
        new PageSession(Tokens.of("residency-officer")).get("/admin/move-ins").then().statusCode(200)
                .body(not(containsString("id=\"counts\""))).body(containsString("처리기한 경과"))
                .body(containsString("id=\"approve-" + free + "\""));
    }

    @Test
    void theHeldFilterIsResidencysQuery() {
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        officer.get("/admin/move-ins?held=MINE").then().statusCode(200)
                .body(containsString("<option value=\"MINE\" selected>내 업무</option>"))
                .body(containsString("처리 대기 · 내 업무 (3)"));
        officer.get("/admin/move-ins?held=NOBODY").then().statusCode(200)
                .body(containsString("<option value=\"NOBODY\" selected>미배정</option>"));
        officer.get("/admin/move-ins").then().statusCode(200).body(containsString("<option value=\"\">전체</option>"));
        officer.get("/admin/move-ins?held=SOMEONE").then().statusCode(200);

        // The queue's own queries; the list of reports waiting for a supplement (status=…) carries the same filter.
        List<String> queries = GatewayStandIn.received().stream().filter(r -> r.path().equals(API)
                        && (r.query() == null || !r.query().contains("status="))).map(GatewayStandIn.Request::query)
                .toList();
        assertEquals("held=MINE", queries.get(0));
        assertEquals("held=NOBODY", queries.get(1));
        assertNull(queries.get(2), "전체: no filter sent");
        assertNull(queries.get(3), "an unknown value is no filter");
    }

    @Test
    void anOfficerTakesAReportNobodyHoldsAndLetsItGo() {
        GatewayStandIn.answer("PUT", API + "/" + free + "/holder", r -> Answer.json(200,
                item(free, "김지민", "residency-officer", "2026-12-04T18:00:00+09:00", true)));
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        String page = officer.get("/admin/move-ins").then().statusCode(200).extract().asString();
        officer.post("/admin/move-ins/" + free + "/holder", page, Map.of()).then().statusCode(303)
                .header("Location", containsString("/admin/move-ins?holding=taken#movein-" + free));
        assertEquals(1, sent("PUT").size());
        assertEquals(API + "/" + free + "/holder", sent("PUT").get(0).path());
        assertNull(sent("PUT").get(0).header("Idempotency-Key"), "taking twice is taking once: no key, as in passport");
        officer.get("/admin/move-ins?holding=taken").then().statusCode(200)
                .body(containsString("id=\"holding-done\"")).body(containsString("이 전입신고의 담당자가 되었습니다."));

        GatewayStandIn.answer("DELETE", API + "/" + mine + "/holder", r -> Answer.json(200,
                item(mine, "최도윤", null, "2026-12-07T11:00:00+09:00", false)));
        officer.post("/admin/move-ins/" + mine + "/holder/release", page, Map.of()).then().statusCode(303)
                .header("Location", containsString("/admin/move-ins?holding=released#movein-" + mine));
        assertEquals(1, sent("DELETE").size());
        assertEquals(API + "/" + mine + "/holder", sent("DELETE").get(0).path());
        officer.get("/admin/move-ins?holding=released").then().statusCode(200)
                .body(containsString("담당을 해제했습니다."));
    }

    @Test
    void anOfficerTakesOverAReportAnotherHoldsWithAReason() {
        String reason = "담당자 휴가 (12/7-12/11), 처리기한 임박";
        GatewayStandIn.answer("POST", API + "/" + others + "/holder/takeover", r -> Answer.json(200,
                takenOver(others, "박서연", "residency-officer", "residency-officer3", reason)));
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        String page = officer.get("/admin/move-ins").then().statusCode(200).extract().asString();
        officer.post("/admin/move-ins/" + others + "/holder/takeover", page, Map.of("takeoverReason", "  " + reason))
                .then().statusCode(303)
                .header("Location", containsString("/admin/move-ins?holding=taken_over#movein-" + others));
        List<GatewayStandIn.Request> sent = sent("POST");
        assertEquals(1, sent.size());
        assertEquals(API + "/" + others + "/holder/takeover", sent.get(0).path());
        assertEquals("{\"reason\":\"" + reason + "\"}", sent.get(0).body(), "the reason, trimmed");
        assertNull(sent.get(0).header("Idempotency-Key"), "a repeat is answered as the first: no key, as in passport");

        // Back on the queue: the notice, and the holding says from whom and why.
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "["
                + takenOver(others, "박서연", "residency-officer", "residency-officer3", reason) + "]"));
        String after = officer.get("/admin/move-ins?holding=taken_over").then().statusCode(200).extract().asString();
        assertTrue(after.contains("id=\"holding-done\"><p>담당을 인계받았습니다. 이제 내가 이 전입신고의 담당자입니다.</p>"),
                after);
        assertTrue(after.contains("id=\"holder-" + others + "\">residency-officer (내가 담당 중) · 2026-12-06 10:02 부터 · "
                + "<span id=\"takeover-of-" + others + "\">residency-officer3님에게서 인계 (사유: " + reason
                + ")</span></dd>"), after);
        // Now the officer's own: let go and decide, no take-over.
        assertTrue(after.contains("id=\"approve-" + others + "\""), after);
        assertTrue(!after.contains("id=\"takeover-" + others + "\""), after);
    }

    @Test
    void aTakeoverWithoutAReasonIsRefusedInWordsAndNothingIsSent() {
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        String page = officer.get("/admin/move-ins").then().statusCode(200).extract().asString();
        for (String blank : List.of("", "   ", "가".repeat(201))) {
            String refused = officer.post("/admin/move-ins/" + others + "/holder/takeover", page,
                    Map.of("takeoverReason", blank)).then().statusCode(400).extract().asString();
            assertTrue(refused.contains("id=\"takeover-reason-" + others + "-error\">인계 사유를 200자 이내로 적어 주세요.</p>"),
                    refused);
            assertTrue(refused.contains("<a href=\"#takeover-reason-" + others + "\">인계 사유를 200자 이내로 적어 주세요.</a>"),
                    refused);
            assertTrue(refused.contains("aria-describedby=\"takeover-reason-" + others + "-help takeover-reason-" + others
                    + "-error\" aria-invalid=\"true\""), refused);
        }
        assertEquals(List.of(), sent("POST"));
    }

    @Test
    void aTakeoverResidencyRefusesIsShownInItsWords() {
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        String page = officer.get("/admin/move-ins").then().statusCode(200).extract().asString();
        // Residency's own check of the reason (field reason): by the report's form, the reason typed kept.
        GatewayStandIn.answer("POST", API + "/" + others + "/holder/takeover", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,\"errors\":[{\"field\":"
                        + "\"reason\",\"detail\":\"must not be blank\",\"detailKo\":\"인계 사유를 적어 주세요.\"}]}"));
        String refused = officer.post("/admin/move-ins/" + others + "/holder/takeover", page,
                Map.of("takeoverReason", "휴가")).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"takeover-reason-" + others + "-error\">인계 사유를 적어 주세요.</p>"), refused);
        assertTrue(refused.contains("name=\"takeoverReason\" maxlength=\"200\" required value=\"휴가\""), refused);

        // Decided meanwhile: residency's detail over the queue.
        GatewayStandIn.answer("POST", API + "/" + others + "/holder/takeover", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409,\"detail\":\"This move-in report was "
                        + "already decided (APPROVED).\",\"detailKo\":\"이미 처리된 전입신고입니다.\"}"));
        officer.post("/admin/move-ins/" + others + "/holder/takeover", page, Map.of("takeoverReason", "휴가"))
                .then().statusCode(409).body(containsString("<li>이미 처리된 전입신고입니다.</li>"));
    }

    @Test
    void aTakeWithoutTheFormsTokenIsRefusedAndNothingIsSent() {
        new PageSession(Tokens.of("residency-officer")).request().contentType("application/x-www-form-urlencoded")
                .post("/admin/move-ins/" + free + "/holder").then().statusCode(400);
        assertEquals(List.of(), sent("PUT"));
    }

    @Test
    void aReportAnotherOfficerTookMeanwhileIsRefusedNamingThem() {
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        // The page as shown while nobody held the report; meanwhile residency-officer3 takes it.
        String before = officer.get("/admin/move-ins").then().statusCode(200).extract().asString();
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "[" + item(free, "김지민", "residency-officer3",
                "2026-12-04T18:00:00+09:00", true) + "]"));
        GatewayStandIn.answer("PUT", API + "/" + free + "/holder", r -> Answer.problem(409, caseHeld("residency-officer3")));
        GatewayStandIn.answer("POST", API + "/" + free + "/approval", r -> Answer.problem(409, caseHeld("residency-officer3")));

        // Taking it, or approving it from the old page: the holder named, and the queue shows it theirs.
        for (String action : List.of("/holder", "/approval")) {
            String refused = officer.post("/admin/move-ins/" + free + action, before, Map.of()).then().statusCode(409)
                    .extract().asString();
            assertTrue(refused.contains("<li>담당자 residency-officer3님이 처리 중인 전입신고입니다.</li>"), refused);
            assertTrue(refused.contains("id=\"held-by-other-" + free + "\""), refused);
            assertTrue(!refused.contains("id=\"approve-" + free + "\""), refused);
            assertTrue(!refused.contains("처리하지 못했습니다"), "not the generic refusal: " + refused);
        }

        // In English, residency's English detail.
        officer.cookies().put("lang", "en");
        officer.post("/admin/move-ins/" + free + "/holder", before, Map.of()).then().statusCode(409)
                .body(containsString("Officer residency-officer3 holds this move-in report"))
                .body(containsString("Officer residency-officer3 holds this report: they decide it, or let it go first."));
    }

    @Test
    void lettingGoOfAReportAnotherOfficerTookIsRefusedNamingThem() {
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        String page = officer.get("/admin/move-ins").then().statusCode(200).extract().asString();
        GatewayStandIn.answer("DELETE", API + "/" + mine + "/holder", r -> Answer.problem(409, caseHeld("residency-officer3")));
        officer.post("/admin/move-ins/" + mine + "/holder/release", page, Map.of()).then().statusCode(409)
                .body(containsString("담당자 residency-officer3님이 처리 중인 전입신고입니다."));
    }

    private static List<GatewayStandIn.Request> sent(String method) {
        return GatewayStandIn.received().stream().filter(r -> r.method().equals(method)).toList();
    }
}
