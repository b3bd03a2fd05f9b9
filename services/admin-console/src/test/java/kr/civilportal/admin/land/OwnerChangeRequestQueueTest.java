package kr.civilportal.admin.land;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * The land officer's queue of owner-change requests (소유자 변동 신청), as land-officer sees it: the offices' day
 * (처리 현황), each request's parcel, new owner, cause in words, 처리기한 (past it said in words) and 담당자; taking,
 * letting go, approving and rejecting with a reason sent to land-registry's paths; a request another officer holds
 * offers no take and no decision, and a refusal names the holder, only its take-over with a reason (담당 인계), sent
 * to land-registry's path, refused in words without a reason, the holding then saying from whom and why; only land
 * officers see the page and its link.
 * A scripted gateway.
 */
@QuarkusTest
class OwnerChangeRequestQueueTest {

    private static final String API = "/api/land/v1/officer/owner-change-requests";
    private static final String PAGE = "/admin/land/requests";
    /** Held by another land officer (land-officer2). */
    private final UUID others = UUID.randomUUID();
    /** Held by the signed-in officer, land-officer. */
    private final UUID mine = UUID.randomUUID();
    /** Held by nobody, and past its 처리기한. */
    private final UUID free = UUID.randomUUID();

    @BeforeEach
    void queue() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "[" + item(others, "박서연", "land-officer2", false)
                + "," + item(mine, "최도윤", "land-officer", false) + "," + item(free, "홍길동", null, true) + "]"));
    }

    /** As land-registry sends one to land officers: {@code holder} absent while nobody holds it. */
    private static String item(UUID id, String owner, String holder, boolean overdue) {
        return item(id, owner, holder, overdue, "");
    }

    /** One taken over (담당 인계): the holding says from whom and why. */
    private static String takenOver(UUID id, String owner, String holder, String from, String reason) {
        return item(id, owner, holder, false, ",\"takenOverFrom\":\"" + from + "\",\"takeoverReason\":\"" + reason + "\"");
    }

    private static String item(UUID id, String owner, String holder, boolean overdue, String takeover) {
        return "{\"id\":\"" + id + "\",\"pnu\":\"1111010100100010000\",\"address\":\"서울특별시 종로구 청운동 1\","
                + "\"ownerName\":\"" + owner + "\",\"share\":\"1/2\",\"changedOn\":\"2026-11-30\",\"cause\":\"INHERITANCE\","
                + "\"status\":\"RECEIVED\",\"requestedBy\":\"citizen\",\"receivedAt\":\"2026-12-01T01:02:03Z\","
                + "\"dueOn\":\"" + (overdue ? "2026-12-03" : "2999-12-10") + "\",\"overdue\":" + overdue
                + ",\"office\":\"SEOUL-JONGNO\""
                + (holder == null ? "" : ",\"holder\":{\"officer\":\"" + holder + "\",\"since\":\"2026-12-01T02:00:00Z\""
                        + takeover + "}")
                + "}";
    }

    private static String caseHeld(String holder) {
        return "{\"type\":\"urn:civilportal:problem:case-held\",\"status\":409,\"detail\":\"Officer " + holder
                + " holds this owner-change request\",\"detailKo\":\"담당자 " + holder + "님이 처리 중인 소유자 변동 신청입니다.\"}";
    }

    @Test
    void theQueueShowsTheDaysFiguresEachRequestWhoHoldsItAndItsDeadline() {
        GatewayStandIn.answer("GET", API + "/counts", r -> Answer.json(200,
                "{\"received\":3,\"inProgress\":1,\"overdue\":1,\"decidedToday\":2}"));
        String page = new PageSession(Tokens.of("land-officer")).get(PAGE).then().statusCode(200).extract().asString();

        assertTrue(page.contains("<h1>소유자 변동 신청</h1>"), page);
        assertTrue(page.contains("<dt>접수 대기</dt><dd id=\"count-received\">3</dd>"), page);
        assertTrue(page.contains("<dt>처리 중</dt><dd id=\"count-in-progress\">1</dd>"), page);
        assertTrue(page.contains("<dt>처리기한 경과</dt><dd id=\"count-overdue\"><strong class=\"portal-overdue\">1</strong></dd>"), page);
        assertTrue(page.contains("<dt>오늘 처리</dt><dd id=\"count-decided-today\">2</dd>"), page);

        // The request: its parcel linked to the parcel's page, the new owner in full, the cause in words.
        assertTrue(page.contains("<a href=\"/admin/land/parcels/1111010100100010000\">서울특별시 종로구 청운동 1</a>"), page);
        assertTrue(page.contains("id=\"owner-" + free + "\">홍길동</dd>"), page);
        assertTrue(page.contains("id=\"cause-" + free + "\">상속</dd>"), page);
        assertTrue(page.contains("<dt>지분</dt><dd>1/2</dd>"), page);
        assertTrue(page.contains("<dt>변동일자</dt><dd>2026-11-30</dd>"), page);
        assertTrue(page.contains("<dt>신청인</dt><dd>citizen</dd>"), page);
        assertTrue(page.contains("<dt>접수일시</dt><dd>2026-12-01 10:02</dd>"), "in Korean time: " + page);

        // 담당자: a name, the officer's own said so, or 미배정; since when, in Korean time.
        assertTrue(page.contains("id=\"holder-" + others + "\">land-officer2 · 2026-12-01 11:00 부터</dd>"), page);
        assertTrue(page.contains("id=\"holder-" + mine + "\">land-officer (내가 담당 중) · 2026-12-01 11:00 부터</dd>"), page);
        assertTrue(page.contains("id=\"holder-" + free + "\">미배정</dd>"), page);
        // 처리기한; past it, said in words, not by colour alone.
        assertTrue(page.contains("id=\"due-" + free + "\"><strong class=\"portal-overdue\">처리기한 경과</strong> "
                + "(2026-12-03)</dd>"), page);
        assertTrue(page.contains("id=\"due-" + mine + "\">2999-12-10 · "), page);

        // Another officer's request: who holds it, and neither a decision nor a take.
        assertTrue(page.contains("id=\"held-by-other-" + others + "\">담당자 land-officer2님이 처리 중인 신청입니다."), page);
        for (String form : List.of("/approval", "/rejection", "/holder?", "/holder/release")) {
            assertFalse(page.contains(PAGE + "/" + others + form), form + " offered on another's request");
        }
        // ... only its take-over, with a reason (담당 인계), labelled and described, back to the same filter.
        assertTrue(page.contains("action=\"" + PAGE + "/" + others + "/holder/takeover"), page);
        assertTrue(page.contains("<label for=\"takeover-reason-" + others + "\">인계 사유 "), page);
        assertTrue(page.contains("id=\"takeover-reason-" + others + "-help\">담당자가 자리에 없어"), page);
        assertTrue(page.contains("aria-describedby=\"takeover-reason-" + others + "-help\""), page);
        assertTrue(page.contains("id=\"takeover-" + others + "\">담당 인계<span class=\"sr-only\"> (서울특별시 종로구 청운동 1)"
                + "</span>"), page);
        assertFalse(page.contains("id=\"takeover-" + mine + "\""), "no take-over of one's own request");
        assertFalse(page.contains("id=\"takeover-" + free + "\""), "nobody's request is simply taken");
        assertFalse(page.contains("takeover-of-"), "no holding here was a take-over");
        // The officer's own: let go, and decide. Nobody's: take, and decide.
        assertTrue(page.contains("id=\"release-" + mine + "\""), page);
        assertTrue(page.contains("id=\"approve-" + mine + "\""), page);
        assertFalse(page.contains("id=\"take-" + mine + "\""), page);
        assertTrue(page.contains("id=\"take-" + free + "\""), page);
        assertTrue(page.contains("id=\"approve-" + free + "\""), page);
        assertTrue(page.contains("id=\"reject-" + free + "\""), page);
        assertTrue(page.contains("<label for=\"reason-" + free + "\">반려 사유</label>"), page);
        assertFalse(page.contains("id=\"release-" + free + "\""), page);
    }

    @Test
    void withoutTheDaysFiguresTheQueueStillShows() {
        GatewayStandIn.answer("GET", API + "/counts", r -> Answer.problem(503, "{\"status\":503}"));
        new PageSession(Tokens.of("land-officer")).get(PAGE).then().statusCode(200)
                .body(not(containsString("id=\"counts\""))).body(containsString("처리기한 경과"))
                .body(containsString("id=\"approve-" + free + "\""));
    }

    @Test
    void theHeldFilterIsLandRegistrysQuery() {
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        officer.get(PAGE + "?held=MINE").then().statusCode(200)
                .body(containsString("<select class=\"krds-form-select\" id=\"filter-held\" name=\"held\">"))
                .body(containsString("<option value=\"MINE\" selected>내 업무</option>"))
                .body(containsString("처리 대기 · 내 업무 (3)"));
        officer.get(PAGE + "?held=NOBODY").then().statusCode(200)
                .body(containsString("<option value=\"NOBODY\" selected>미배정</option>"));
        officer.get(PAGE).then().statusCode(200).body(containsString("<option value=\"\">전체</option>"));
        officer.get(PAGE + "?held=SOMEONE").then().statusCode(200);

        List<String> queries = GatewayStandIn.received().stream().filter(r -> r.path().equals(API))
                .map(GatewayStandIn.Request::query).toList();
        assertEquals("held=MINE", queries.get(0));
        assertEquals("held=NOBODY", queries.get(1));
        assertNull(queries.get(2), "전체: no filter sent");
        assertNull(queries.get(3), "an unknown value is no filter");
    }

    @Test
    void anOfficerTakesARequestNobodyHoldsAndLetsItGoBackToTheSameFilter() {
        GatewayStandIn.answer("PUT", API + "/" + free + "/holder", r -> Answer.json(200, item(free, "홍길동",
                "land-officer", true)));
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE + "?held=NOBODY").then().statusCode(200).extract().asString();
        officer.post(PAGE + "/" + free + "/holder", page, Map.of()).then().statusCode(303)
                .header("Location", containsString(PAGE + "?held=NOBODY&holding=taken#request-" + free));
        assertEquals(1, sent("PUT").size());
        assertEquals(API + "/" + free + "/holder", sent("PUT").get(0).path());
        assertNull(sent("PUT").get(0).header("Idempotency-Key"), "taking twice is taking once: no key");
        officer.get(PAGE + "?holding=taken").then().statusCode(200)
                .body(containsString("id=\"holding-done\"")).body(containsString("이 소유자 변동 신청의 담당자가 되었습니다."));

        GatewayStandIn.answer("DELETE", API + "/" + mine + "/holder", r -> Answer.json(200, item(mine, "최도윤", null,
                false)));
        String all = officer.get(PAGE).then().statusCode(200).extract().asString();
        officer.post(PAGE + "/" + mine + "/holder/release", all, Map.of()).then().statusCode(303)
                .header("Location", containsString(PAGE + "?holding=released#request-" + mine));
        assertEquals(1, sent("DELETE").size());
        assertEquals(API + "/" + mine + "/holder", sent("DELETE").get(0).path());
        officer.get(PAGE + "?holding=released").then().statusCode(200).body(containsString("담당을 해제했습니다."));
    }

    @Test
    void anOfficerTakesOverARequestAnotherHoldsWithAReason() {
        String reason = "담당자 휴가 (12/7-12/11), 처리기한 임박";
        GatewayStandIn.answer("POST", API + "/" + others + "/holder/takeover", r -> Answer.json(200,
                takenOver(others, "박서연", "land-officer", "land-officer2", reason)));
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE).then().statusCode(200).extract().asString();
        officer.post(PAGE + "/" + others + "/holder/takeover", page, Map.of("takeoverReason", "  " + reason + " "))
                .then().statusCode(303)
                .header("Location", containsString(PAGE + "?holding=taken_over#request-" + others));
        List<GatewayStandIn.Request> sent = sent("POST");
        assertEquals(1, sent.size());
        assertEquals(API + "/" + others + "/holder/takeover", sent.get(0).path());
        assertEquals("{\"reason\":\"" + reason + "\"}", sent.get(0).body(), "the reason, trimmed");
        assertNull(sent.get(0).header("Idempotency-Key"), "safe to repeat: no key, as a take");

        // From a filtered queue, back to the same filter.
        String filtered = officer.get(PAGE + "?held=NOBODY").then().statusCode(200).extract().asString();
        officer.post(PAGE + "/" + others + "/holder/takeover", filtered, Map.of("takeoverReason", reason))
                .then().statusCode(303)
                .header("Location", containsString(PAGE + "?held=NOBODY&holding=taken_over#request-" + others));

        // Back on the queue: the notice, and the holding says from whom and why.
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "["
                + takenOver(others, "박서연", "land-officer", "land-officer2", reason) + "]"));
        String after = officer.get(PAGE + "?holding=taken_over").then().statusCode(200).extract().asString();
        assertTrue(after.contains("id=\"holding-done\"><p>담당을 인계받았습니다. 이제 내가 이 소유자 변동 신청의 담당자입니다.</p>"),
                after);
        assertTrue(after.contains("id=\"holder-" + others + "\">land-officer (내가 담당 중) · 2026-12-01 11:00 부터 · "
                + "<span id=\"takeover-of-" + others + "\">land-officer2님에게서 인계 (사유: " + reason + ")</span></dd>"),
                after);
        // Now the officer's own: let go and decide, no take-over.
        assertTrue(after.contains("id=\"release-" + others + "\""), after);
        assertTrue(after.contains("id=\"approve-" + others + "\""), after);
        assertFalse(after.contains("id=\"takeover-" + others + "\""), after);

        officer.cookies().put("lang", "en");
        officer.get(PAGE + "?holding=taken_over").then().statusCode(200)
                .body(containsString("You took this owner-change request over: you hold it now."))
                .body(containsString("taken over from land-officer2 (reason: " + reason + ")"));
    }

    private static final String COLLEAGUE = "a1c2e3f4-0000-4000-8000-000000000023";

    @Test
    void anOfficerAssignsARequestToAColleagueChosenFromThoseLandRegistryOffers() {
        GatewayStandIn.answer("GET", API + "/" + free + "/assignees", r -> Answer.json(200, "[{\"subject\":"
                + "\"a1c2e3f4-0000-4000-8000-000000000013\",\"officer\":\"land-officer\"},{\"subject\":\"" + COLLEAGUE
                + "\",\"officer\":\"land-officer3\"}]"));
        GatewayStandIn.answer("POST", API + "/" + free + "/holder/assignment", r -> Answer.json(200,
                item(free, "홍길동", "land-officer3", true, ",\"assignedBy\":\"land-officer\"")));
        PageSession officer = new PageSession(Tokens.of("land-officer"));

        // The queue links to the assignment of every request the officer may give away, not another's.
        String queue = officer.get(PAGE + "?held=NOBODY").then().statusCode(200).extract().asString();
        assertTrue(queue.contains("href=\"" + PAGE + "/" + free + "/assignment?held=NOBODY\" id=\"assign-" + free + "\">담당자 배정"),
                queue);
        assertTrue(queue.contains("id=\"assign-" + mine + "\""), queue);
        assertFalse(queue.contains("id=\"assign-" + others + "\""), "another's request is taken over first");

        String page = officer.get(PAGE + "/" + free + "/assignment?held=NOBODY").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h1>소유자 변동 신청 담당자 배정</h1>"), page);
        assertTrue(page.contains("<legend>배정할 담당자 "), page);
        assertTrue(page.contains("value=\"" + COLLEAGUE + "\">"), page);
        assertTrue(page.contains(">land-officer3</label>"), page);
        assertTrue(page.contains(">land-officer (나)</label>"), "the officer is told which one is themself: " + page);
        assertTrue(page.contains("href=\"" + PAGE + "?held=NOBODY#request-" + free + "\" id=\"back-to-queue\""), page);

        officer.post(PAGE + "/" + free + "/assignment", page, Map.of("assignee", COLLEAGUE))
                .then().statusCode(303)
                .header("Location", containsString(PAGE + "?held=NOBODY&holding=assigned#request-" + free));
        List<GatewayStandIn.Request> sent = sent("POST");
        assertEquals(1, sent.size());
        assertEquals(API + "/" + free + "/holder/assignment", sent.get(0).path());
        assertEquals("{\"assignee\":\"" + COLLEAGUE + "\"}", sent.get(0).body());
        assertNull(sent.get(0).header("Idempotency-Key"), "safe to repeat: no key, as a take");

        // Back on the queue: the notice, and the holding says who assigned it.
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "["
                + item(free, "홍길동", "land-officer3", true, ",\"assignedBy\":\"land-officer\"") + "]"));
        String after = officer.get(PAGE + "?holding=assigned").then().statusCode(200).extract().asString();
        assertTrue(after.contains("id=\"holding-done\"><p>신청을 배정했습니다. 배정받은 담당자가 처리합니다.</p>"), after);
        assertTrue(after.contains("<span id=\"assigned-by-" + free + "\">land-officer님이 배정</span>"), after);
        officer.cookies().put("lang", "en");
        officer.get(PAGE + "?holding=assigned").then().statusCode(200).body(containsString("assigned by land-officer"));
    }

    @Test
    void anAssignmentWithoutAChoiceOrThatLandRegistryRefusesIsShownInWordsOnTheForm() {
        GatewayStandIn.answer("GET", API + "/" + free + "/assignees", r -> Answer.json(200, "[{\"subject\":\""
                + COLLEAGUE + "\",\"officer\":\"land-officer3\"}]"));
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE + "/" + free + "/assignment").then().statusCode(200).extract().asString();

        String unchosen = officer.post(PAGE + "/" + free + "/assignment", page, Map.of())
                .then().statusCode(400).extract().asString();
        assertTrue(unchosen.contains("id=\"assignee-error\">배정할 담당자를 선택하세요.</p>"), unchosen);
        assertEquals(List.of(), sent("POST"), "nothing is sent without a choice");

        // Meanwhile the colleague left the office: land-registry refuses them on the field.
        GatewayStandIn.answer("POST", API + "/" + free + "/holder/assignment", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,\"errors\":[{\"field\":"
                        + "\"assignee\",\"detail\":\"is not a land officer of this request's office\",\"detailKo\":"
                        + "\"이 신청의 관할 기관 담당자가 아닙니다.\"}]}"));
        String refused = officer.post(PAGE + "/" + free + "/assignment", page, Map.of("assignee", COLLEAGUE))
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"assignee-error\">이 신청의 관할 기관 담당자가 아닙니다.</p>"), refused);
        assertTrue(refused.contains("aria-describedby=\"assignee-error\""), refused);

        // Another officer took it meanwhile: their name, as land-registry words it.
        GatewayStandIn.answer("POST", API + "/" + free + "/holder/assignment", r -> Answer.problem(409,
                caseHeld("land-officer2")));
        officer.post(PAGE + "/" + free + "/assignment", page, Map.of("assignee", COLLEAGUE))
                .then().statusCode(409).body(containsString("담당자 land-officer2님이 처리 중인 소유자 변동 신청입니다."));

        // Another office's request: nobody to offer, said in words.
        GatewayStandIn.answer("GET", API + "/" + others + "/assignees", r -> Answer.problem(404,
                "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}"));
        officer.get(PAGE + "/" + others + "/assignment").then().statusCode(404)
                .body(containsString("이 소유자 변동 신청을 찾을 수 없습니다."))
                .body(not(containsString("assignment-form")));
    }

    @Test
    void onlyLandOfficersReachTheAssignmentPage() {
        new PageSession(Tokens.of("passport-officer")).get(PAGE + "/" + free + "/assignment").then().statusCode(403);
    }

    @Test
    void aTakeoverWithoutAReasonOrWithTooLongAOneIsRefusedInWordsAndNothingIsSent() {
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE).then().statusCode(200).extract().asString();
        for (String blank : List.of("", "   ", "가".repeat(201))) {
            String refused = officer.post(PAGE + "/" + others + "/holder/takeover", page,
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
    void aTakeoverLandRegistryRefusesIsShownInItsWords() {
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE).then().statusCode(200).extract().asString();
        // Land-registry's own check of the reason (field reason): by the request's form, the reason typed kept.
        GatewayStandIn.answer("POST", API + "/" + others + "/holder/takeover", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,\"errors\":[{\"field\":"
                        + "\"reason\",\"detail\":\"is required\",\"detailKo\":\"인계 사유를 입력해 주세요.\"}]}"));
        String refused = officer.post(PAGE + "/" + others + "/holder/takeover", page,
                Map.of("takeoverReason", "휴가")).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"takeover-reason-" + others + "-error\">인계 사유를 입력해 주세요.</p>"), refused);
        assertTrue(refused.contains("name=\"takeoverReason\" maxlength=\"200\" required value=\"휴가\""), refused);
        assertTrue(refused.contains("aria-invalid=\"true\""), refused);

        // Decided meanwhile: land-registry's detail over the queue.
        GatewayStandIn.answer("POST", API + "/" + others + "/holder/takeover", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409,\"detail\":\"The request is already "
                        + "decided\",\"detailKo\":\"이미 처리된 신청입니다.\"}"));
        officer.post(PAGE + "/" + others + "/holder/takeover", page, Map.of("takeoverReason", "휴가"))
                .then().statusCode(409).body(containsString("<li>이미 처리된 신청입니다.</li>"));

        // Another office's (or none): the console's words, as for the other forms.
        UUID elsewhere = UUID.randomUUID();
        officer.post(PAGE + "/" + elsewhere + "/holder/takeover", page.replace(others.toString(), elsewhere.toString()),
                Map.of("takeoverReason", "휴가")).then().statusCode(404)
                .body(containsString("이 소유자 변동 신청을 찾을 수 없습니다. 없는 신청이거나 다른 기관의 신청입니다."));
    }

    @Test
    void anOfficerApprovesARequest() {
        GatewayStandIn.answer("POST", API + "/" + mine + "/approval", r -> Answer.json(200, item(mine, "최도윤",
                "land-officer", false).replace("RECEIVED", "APPROVED")));
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE + "?held=MINE").then().statusCode(200).extract().asString();
        officer.post(PAGE + "/" + mine + "/approval", page, Map.of()).then().statusCode(303)
                .header("Location", containsString(PAGE + "?held=MINE&done=approved"));
        GatewayStandIn.Request approval = sent("POST").get(0);
        assertEquals(API + "/" + mine + "/approval", approval.path());
        assertTrue(approval.body().isEmpty(), "no body: " + approval.body());
        assertNotNull(approval.header("Idempotency-Key"), "the form's key");
        officer.get(PAGE + "?done=approved").then().statusCode(200).body(containsString("id=\"done\""))
                .body(containsString("신청을 승인했습니다."));
    }

    @Test
    void anOfficerRejectsARequestWithAReason() {
        GatewayStandIn.answer("POST", API + "/" + free + "/rejection", r -> Answer.json(200, item(free, "홍길동",
                "land-officer", true).replace("RECEIVED", "REJECTED")));
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE).then().statusCode(200).extract().asString();

        // No reason: said next to that request's field, nothing sent.
        String refused = officer.post(PAGE + "/" + free + "/rejection", page, Map.of("reason", " ")).then()
                .statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"reason-" + free + "-error\">반려 사유를 입력하세요.</p>"), refused);
        assertTrue(refused.contains("aria-invalid=\"true\""), refused);
        officer.post(PAGE + "/" + free + "/rejection", page, Map.of("reason", "가".repeat(201))).then()
                .statusCode(400).body(containsString("반려 사유는 200자 이내로 입력하세요."));
        assertEquals(List.of(), sent("POST"));

        officer.post(PAGE + "/" + free + "/rejection", page, Map.of("reason", " 등기원인 서류가 첨부되지 않았습니다. "))
                .then().statusCode(303).header("Location", containsString(PAGE + "?done=rejected"));
        GatewayStandIn.Request rejection = sent("POST").get(0);
        assertEquals(API + "/" + free + "/rejection", rejection.path());
        assertEquals("{\"reason\":\"등기원인 서류가 첨부되지 않았습니다.\"}", rejection.body());
        assertNotNull(rejection.header("Idempotency-Key"), "the form's key");
        officer.get(PAGE + "?done=rejected").then().statusCode(200).body(containsString("신청을 반려했습니다."));
    }

    @Test
    void landRegistrysFieldErrorOnTheReasonIsShownNextToIt() {
        GatewayStandIn.answer("POST", API + "/" + free + "/rejection", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation\",\"status\":400,\"errors\":[{\"field\":\"reason\","
                        + "\"detail\":\"must not be blank\",\"detailKo\":\"반려 사유를 확인해 주세요.\"}]}"));
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE).then().statusCode(200).extract().asString();
        String refused = officer.post(PAGE + "/" + free + "/rejection", page, Map.of("reason", "서류 미비")).then()
                .statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"reason-" + free + "-error\">반려 사유를 확인해 주세요.</p>"), refused);
        assertTrue(refused.contains("value=\"서류 미비\""), "the reason typed is kept: " + refused);
    }

    @Test
    void aRequestAnotherOfficerTookMeanwhileIsRefusedNamingThem() {
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        // The page as shown while nobody held the request; meanwhile land-officer2 takes it.
        String before = officer.get(PAGE).then().statusCode(200).extract().asString();
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "[" + item(free, "홍길동", "land-officer2", true) + "]"));
        GatewayStandIn.answer("PUT", API + "/" + free + "/holder", r -> Answer.problem(409, caseHeld("land-officer2")));
        GatewayStandIn.answer("POST", API + "/" + free + "/approval", r -> Answer.problem(409, caseHeld("land-officer2")));

        for (String action : List.of("/holder", "/approval")) {
            String refused = officer.post(PAGE + "/" + free + action, before, Map.of()).then().statusCode(409)
                    .extract().asString();
            assertTrue(refused.contains("<li>담당자 land-officer2님이 처리 중인 소유자 변동 신청입니다.</li>"), refused);
            assertTrue(refused.contains("id=\"held-by-other-" + free + "\""), refused);
            assertFalse(refused.contains("id=\"approve-" + free + "\""), refused);
            assertFalse(refused.contains("처리하지 못했습니다"), "not the generic refusal: " + refused);
        }

        officer.cookies().put("lang", "en");
        officer.post(PAGE + "/" + free + "/holder", before, Map.of()).then().statusCode(409)
                .body(containsString("Officer land-officer2 holds this owner-change request"))
                .body(containsString("Officer land-officer2 holds this request: they decide it, or let it go first."));
    }

    @Test
    void anUnknownOrAnotherOfficesRequestIsSaidInWords() {
        UUID elsewhere = UUID.randomUUID();
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE).then().statusCode(200).extract().asString();
        // The stand-in answers 404 to a path it has no answer for, as land-registry does to another office's request.
        officer.post(PAGE + "/" + elsewhere + "/holder", page.replace(free.toString(), elsewhere.toString()), Map.of())
                .then().statusCode(404)
                .body(containsString("이 소유자 변동 신청을 찾을 수 없습니다. 없는 신청이거나 다른 기관의 신청입니다."));
    }

    @Test
    void anAlreadyDecidedRequestIsSaidInLandRegistrysWords() {
        GatewayStandIn.answer("POST", API + "/" + free + "/approval", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409,\"detail\":\"The request is already "
                        + "decided\",\"detailKo\":\"이미 처리된 신청입니다.\"}"));
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        String page = officer.get(PAGE).then().statusCode(200).extract().asString();
        officer.post(PAGE + "/" + free + "/approval", page, Map.of()).then().statusCode(409)
                .body(containsString("<li>이미 처리된 신청입니다.</li>"));
    }

    @Test
    void onlyLandOfficersSeeTheQueueAndItsLink() {
        new PageSession(Tokens.of("land-officer")).get("/admin").then().statusCode(200)
                .body(containsString("href=\"/admin/land/requests\""))
                .body(containsString("소유자 변동 신청"));
        for (String user : List.of("residency-officer", "passport-officer", "admin", "auditor")) {
            PageSession other = new PageSession(Tokens.of(user));
            String home = other.get("/admin").then().statusCode(200)
                    .body(not(containsString("href=\"/admin/land/requests\""))).extract().asString();
            other.get(PAGE).then().statusCode(403).body(containsString("id=\"needed-roles\""))
                    .body(containsString("토지 담당 공무원"));
            assertTrue(other.post(PAGE + "/" + free + "/approval", home, Map.of()).statusCode() >= 400, user);
        }
        new PageSession(Tokens.of("citizen")).get(PAGE).then().statusCode(403)
                .body(containsString("이 화면을 볼 권한이 없습니다"));
        assertEquals(List.of(), GatewayStandIn.received().stream().filter(r -> r.path().startsWith(API)).toList(),
                "nobody but a land officer reached the queue's API");
    }

    private static List<GatewayStandIn.Request> sent(String method) {
        return GatewayStandIn.received().stream().filter(r -> r.method().equals(method)).toList();
    }
}
