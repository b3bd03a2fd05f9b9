package kr.civilportal.citizen.movein;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 세대주 변경 on /my/household: a head with members names the new head and every other member's relation to them
 * (the exact filing residency gets, with the form's Idempotency-Key); residency's refusals by the fields or as one
 * message, what was chosen kept; the filer sees the change wait and may withdraw it, the named new head sees the
 * proposed relations and consents or refuses; names only as residency masks them.
 */
@QuarkusTest
class HeadChangePageTest {

    private static final String ME = "/api/residency/v1/me";
    private static final String HEAD_CHANGES = "/api/residency/v1/household/head-changes";
    private static final String HEAD = "5e0b7a52-1c1d-4c9e-9f00-000000000001";
    private static final String SPOUSE = "5e0b7a52-1c1d-4c9e-9f00-000000000003";
    private static final String CHILD = "5e0b7a52-1c1d-4c9e-9f00-000000000004";
    private static final String CHANGE = "2f0c9a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A head change as residency lists it: names masked, the relations to the new head. */
    private static String change(String status, String role, String decidedAt) {
        return """
                {"id":"%s","status":"%s","filedAt":"2026-12-07T09:30:00+09:00",%s"role":"%s",
                 "newHead":{"name":"박*호"},"filer":{"name":"김*민"},
                 "relations":[{"name":"김*민","relationToHead":"SPOUSE"},{"name":"박*린","relationToHead":"CHILD"}]}"""
                .formatted(CHANGE, status, decidedAt == null ? "" : "\"decidedAt\":\"" + decidedAt + "\",", role);
    }

    /** The part of the page between an element's id and the end of its section. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no " + id + ": " + page);
        return page.substring(start, page.indexOf("</section>", start));
    }

    /** The 세대주 변경 form sent as a browser sends it: its hidden fields, the new head and the selects' values. */
    private static Response file(PageSession session, String page, String newHead, String... relations) {
        Matcher form = Pattern.compile("<form[^>]*id=\"head-change\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
        assertTrue(form.find(), "no form: " + page);
        RequestSpecification spec = session.request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        PageSession.hiddenFields(form.group(1)).forEach(spec::formParam);
        if (newHead != null) {
            spec.formParam("newHead", newHead);
        }
        if (relations.length > 0) {
            spec.formParam("relations", (Object[]) relations);
        }
        return spec.post("/my/household/head-changes");
    }

    private static List<GatewayStandIn.Request> writes() {
        return GatewayStandIn.received().stream().filter(r -> !r.method().equals("GET")).toList();
    }

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, HouseholdPageTest.record(HEAD, "880702-1******")));
        GatewayStandIn.answer("GET", HEAD_CHANGES, r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/household/join-requests", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "[]"));
    }

    @Test
    void aHeadWithMembersIsOfferedTheFormWithEveryMembersRelation() {
        PageSession head = new PageSession(Tokens.of("citizen"));
        String page = head.get("/my/household").then().statusCode(200)
                .body(containsString("id=\"head-change\""))
                .body(containsString("<p id=\"head-change-none\">"))
                .extract().asString();
        String form = section(page, "head-change-section");
        // The new head: one of the members, never the head themself.
        assertTrue(form.contains("<legend>새 세대주 "), form);
        assertTrue(form.contains("<label for=\"new-head-" + SPOUSE + "\">박준호</label>"), form);
        assertTrue(form.contains("<label for=\"new-head-" + CHILD + "\">박하린</label>"), form);
        assertFalse(form.contains("id=\"new-head-" + HEAD + "\""), form);
        // A relation for every member, the head included as 본인; no member may be made 세대주 by a select.
        assertTrue(form.contains("<legend>새 세대주와의 관계 "), form);
        assertTrue(form.contains("<label for=\"relation-" + HEAD + "\">김지민 (본인)</label>"), form);
        assertTrue(form.contains("<label for=\"relation-" + SPOUSE + "\">박준호</label>"), form);
        assertTrue(form.contains("<label for=\"relation-" + CHILD + "\">박하린</label>"), form);
        assertTrue(form.contains("<option value=\"" + HEAD + ":SPOUSE\">배우자</option>"), form);
        assertTrue(form.contains("<option value=\"" + CHILD + ":PARENT\">부모</option>"), form);
        assertFalse(form.contains(":HEAD\""), form);
        assertFalse(form.contains(" checked") || form.contains(" selected"), "nothing chosen at first: " + form);
        assertTrue(page.indexOf("id=\"household-members\"") < page.indexOf("id=\"head-change\""), page);

        head.cookies().put("lang", "en");
        head.get("/my/household").then().statusCode(200)
                .body(containsString("<h2 id=\"head-change-title\">Change of household head</h2>"))
                .body(containsString("<label for=\"relation-" + HEAD + "\">김지민 (you)</label>"));
    }

    @Test
    void aMemberOrAHeadAloneIsNotOfferedTheForm() {
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, HouseholdPageTest.record(SPOUSE, "880702-1******")));
        PageSession member = new PageSession(Tokens.of("citizen"));
        member.get("/my/household").then().statusCode(200)
                .body(containsString("id=\"household-member-0\""))
                .body(not(containsString("id=\"head-change\"")))
                .body(not(containsString("name=\"newHead\"")));

        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, "{\"residentId\":\"" + HEAD + "\",\"household\":{"
                + "\"address\":\"서울특별시 종로구 세종대로 209\",\"members\":[{\"residentId\":\"" + HEAD
                + "\",\"name\":\"김지민\",\"relationToHead\":\"HEAD\",\"residentRegistrationNumber\":\"900315-2******\"}]}}"));
        member.get("/my/household").then().statusCode(200)
                .body(containsString("id=\"household-member-0\""))
                .body(not(containsString("id=\"head-change\"")));
    }

    @Test
    void theFormSendsTheNewHeadAndEveryOtherMembersRelationOnce() throws Exception {
        GatewayStandIn.answer("POST", HEAD_CHANGES, r -> Answer.json(201, change("AWAITING_NEW_HEAD", "FILER", null)));
        PageSession head = new PageSession(Tokens.of("citizen"));
        String page = head.get("/my/household").asString();
        String key = PageSession.hiddenFields(section(page, "head-change-section")).get("idempotencyKey");

        // The new head's own select, chosen too, is not sent: they become the head.
        file(head, page, SPOUSE, HEAD + ":SPOUSE", SPOUSE + ":OTHER", CHILD + ":CHILD").then().statusCode(303)
                .header("Location", endsWith("/my/household?done=head-change-filed"));

        List<GatewayStandIn.Request> sent = writes();
        assertEquals(1, sent.size(), sent.toString());
        assertEquals("POST", sent.get(0).method());
        assertEquals(HEAD_CHANGES, sent.get(0).path());
        assertEquals(key, sent.get(0).header("Idempotency-Key"));
        assertEquals(JSON.readTree("""
                {"newHead":"%s","relations":[{"residentId":"%s","relationToHead":"SPOUSE"},
                 {"residentId":"%s","relationToHead":"CHILD"}]}""".formatted(SPOUSE, HEAD, CHILD)),
                JSON.readTree(sent.get(0).body()));

        head.get("/my/household?done=head-change-filed").then().statusCode(200)
                .body(containsString("새 세대주의 동의를 기다립니다."));
    }

    @Test
    void whatThePageCanTellIsSaidByTheFieldsWithoutAskingResidency() {
        PageSession head = new PageSession(Tokens.of("citizen"));
        String page = head.get("/my/household").asString();

        String noHead = file(head, page, null, HEAD + ":SPOUSE").then().statusCode(400).extract().asString();
        assertTrue(noHead.contains("<p class=\"form-hint-invalid\" id=\"newHead-error\">새 세대주가 될 세대원을 선택하세요.</p>"),
                noHead);
        assertTrue(noHead.contains("<option value=\"" + HEAD + ":SPOUSE\" selected>"), "kept: " + noHead);

        String noRelation = file(head, page, CHILD, HEAD + ":PARENT").then().statusCode(400).extract().asString();
        assertTrue(noRelation.contains("id=\"relation-" + SPOUSE + "-error\">박준호의 새 세대주와의 관계를 선택하세요.</p>"),
                noRelation);
        assertFalse(noRelation.contains("id=\"relation-" + HEAD + "-error\""), noRelation);
        assertTrue(noRelation.contains("value=\"" + CHILD + "\" checked"), "the new head kept: " + noRelation);
        assertTrue(noRelation.contains("<a href=\"#relation-" + SPOUSE + "\">"), "in the summary: " + noRelation);
        assertTrue(writes().isEmpty(), "residency not asked");
    }

    @Test
    void residencysRefusalIsShownByTheFieldItNamesWithTheChoicesKept() {
        GatewayStandIn.answer("POST", HEAD_CHANGES, r -> Answer.problem(400, """
                {"type":"urn:civilportal:problem:validation-failed","status":400,
                 "errors":[{"field":"relations[1].relationToHead","detail":"must not be null"}]}"""));
        PageSession head = new PageSession(Tokens.of("citizen"));
        String page = head.get("/my/household").asString();
        String key = PageSession.hiddenFields(section(page, "head-change-section")).get("idempotencyKey");

        String refused = file(head, page, SPOUSE, HEAD + ":SPOUSE", CHILD + ":SIBLING").then().statusCode(400)
                .extract().asString();
        // relations[1] is the second member sent: 박하린 (the new head is not sent).
        assertTrue(refused.contains("id=\"relation-" + CHILD + "-error\">박하린의 새 세대주와의 관계를 다시 선택하세요.</p>"),
                refused);
        assertTrue(refused.contains("id=\"relation-" + CHILD + "\" name=\"relations\" aria-describedby=\"relations-help relation-"
                + CHILD + "-error\" aria-invalid=\"true\""), refused);
        assertTrue(refused.contains("value=\"" + SPOUSE + "\" checked"), refused);
        assertTrue(refused.contains("<option value=\"" + HEAD + ":SPOUSE\" selected>"), refused);
        assertTrue(refused.contains("<option value=\"" + CHILD + ":SIBLING\" selected>"), refused);
        assertFalse(refused.contains("must not be null"), "the page's words: " + refused);
        assertEquals(key, PageSession.hiddenFields(section(refused, "head-change-section")).get("idempotencyKey"),
                "a resend is the same request");

        GatewayStandIn.answer("POST", HEAD_CHANGES, r -> Answer.problem(400, """
                {"type":"urn:civilportal:problem:validation-failed","status":400,"errors":[{"field":"newHead"}]}"""));
        file(head, page, SPOUSE, HEAD + ":SPOUSE", CHILD + ":SIBLING").then().statusCode(400)
                .body(containsString("id=\"newHead-error\">선택한 분을 새 세대주로 지정할 수 없습니다."));
    }

    @Test
    void aConflictIsSaidPlainly() {
        GatewayStandIn.answer("POST", HEAD_CHANGES, r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409,\"detail\":\"A head change is already open\"}"));
        PageSession head = new PageSession(Tokens.of("citizen"));
        String page = head.get("/my/household").asString();
        String answer = file(head, page, CHILD, HEAD + ":PARENT", SPOUSE + ":PARENT").then().statusCode(409)
                .body(containsString("id=\"error-summary\""))
                .body(containsString("지금은 세대주 변경을 신청할 수 없습니다."))
                .extract().asString();
        assertTrue(answer.contains("value=\"" + CHILD + "\" checked"), answer);
        assertEquals(1, writes().size());
    }

    @Test
    void theFilerSeesTheChangeWaitAndMayWithdrawIt() {
        GatewayStandIn.answer("GET", HEAD_CHANGES, r -> Answer.json(200, "[" + change("AWAITING_NEW_HEAD", "FILER", null)
                + "]"));
        GatewayStandIn.answer("DELETE", HEAD_CHANGES + "/" + CHANGE, r -> Answer.json(200,
                change("WITHDRAWN", "FILER", "2026-12-07T10:00:00+09:00")));
        PageSession filer = new PageSession(Tokens.of("citizen"));
        String page = filer.get("/my/household").then().statusCode(200)
                // One change open at a time: the form is not offered while one waits.
                .body(not(containsString("id=\"head-change\"")))
                .extract().asString();
        String changes = section(page, "head-change-requests");
        assertTrue(changes.contains("새 세대주 동의 대기"), changes);
        assertTrue(changes.contains("박*호 님의 동의를 기다리고 있습니다."), changes);
        assertTrue(changes.contains("<caption>새 세대주와의 관계</caption>"), changes);
        assertTrue(changes.contains("id=\"head-change-withdraw-" + CHANGE + "\""), changes);
        assertFalse(changes.contains("head-change-consent-"), "the filer does not consent: " + changes);

        filer.post("/my/household/head-changes/" + CHANGE + "/withdrawal", page, Map.of()).then().statusCode(303)
                .header("Location", endsWith("/my/household?done=head-change-withdrawn"));
        List<GatewayStandIn.Request> sent = writes();
        assertEquals(1, sent.size());
        assertEquals("DELETE", sent.get(0).method());
        assertEquals(HEAD_CHANGES + "/" + CHANGE, sent.get(0).path());
        assertTrue(sent.get(0).header("Idempotency-Key").endsWith(CHANGE), sent.get(0).header("Idempotency-Key"));
    }

    @Test
    void theNewHeadSeesTheProposedRelationsAndConsentsOrRefuses() {
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, HouseholdPageTest.record(SPOUSE, "880702-1******")));
        GatewayStandIn.answer("GET", HEAD_CHANGES, r -> Answer.json(200, "[" + change("AWAITING_NEW_HEAD", "NEW_HEAD", null)
                + "]"));
        GatewayStandIn.answer("POST", HEAD_CHANGES + "/" + CHANGE + "/consent", r -> Answer.json(200,
                change("APPLIED", "NEW_HEAD", "2026-12-07T10:00:00+09:00")));
        GatewayStandIn.answer("POST", HEAD_CHANGES + "/" + CHANGE + "/refusal", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409}"));
        PageSession newHead = new PageSession(Tokens.of("citizen"));
        String page = newHead.get("/my/household").then().statusCode(200).extract().asString();
        String changes = section(page, "head-change-requests");
        assertTrue(changes.contains("김*민 님이 나를 새 세대주로 지정했습니다."), changes);
        assertTrue(changes.contains("<tr><td>김*민</td><td>배우자</td></tr>"), changes);
        assertTrue(changes.contains("<tr><td>박*린</td><td>자녀</td></tr>"), changes);
        assertTrue(changes.contains("id=\"head-change-consent-" + CHANGE + "\""), changes);
        assertTrue(changes.contains("id=\"head-change-refuse-" + CHANGE + "\""), changes);
        assertFalse(changes.contains("head-change-withdraw-"), changes);
        // Names as residency masks them: the members' full names are only in the household's own table.
        assertFalse(changes.contains("김지민") || changes.contains("박하린") || changes.contains("박준호"), changes);

        newHead.post("/my/household/head-changes/" + CHANGE + "/consent", page, Map.of()).then().statusCode(303)
                .header("Location", endsWith("/my/household?done=head-change-consented"));
        // Answered meanwhile: the page says the request is gone.
        newHead.post("/my/household/head-changes/" + CHANGE + "/refusal", page, Map.of()).then().statusCode(303)
                .header("Location", endsWith("/my/household?done=gone"));
        List<GatewayStandIn.Request> sent = writes();
        assertEquals(List.of("POST " + HEAD_CHANGES + "/" + CHANGE + "/consent",
                "POST " + HEAD_CHANGES + "/" + CHANGE + "/refusal"),
                sent.stream().map(r -> r.method() + " " + r.path()).toList());
        assertTrue(sent.stream().allMatch(r -> r.header("Idempotency-Key").endsWith(CHANGE)), sent.toString());
        newHead.get("/my/household?done=head-change-consented").then().statusCode(200)
                .body(containsString("세대주가 변경되었습니다."));
    }

    @Test
    void recentlyDecidedChangesAreListedByTheirStatus() {
        GatewayStandIn.answer("GET", HEAD_CHANGES, r -> Answer.json(200, "["
                + change("APPLIED", "FILER", "2026-12-06T10:00:00+09:00") + ","
                + change("REFUSED", "NEW_HEAD", "2026-12-05T10:00:00+09:00").replace(CHANGE, SPOUSE) + ","
                + change("WITHDRAWN", "FILER", "2026-12-04T10:00:00+09:00").replace(CHANGE, CHILD) + "]"));
        PageSession head = new PageSession(Tokens.of("citizen"));
        String changes = section(head.get("/my/household").then().statusCode(200)
                .body(containsString("id=\"head-change\"")).extract().asString(), "head-change-requests");
        assertTrue(changes.contains("<strong>변경 완료</strong>"), changes);
        assertTrue(changes.contains("<strong>새 세대주가 거부함</strong>"), changes);
        assertTrue(changes.contains("<strong>신청 취소</strong>"), changes);
        assertFalse(changes.contains("<button"), "nothing to answer: " + changes);
        assertFalse(changes.contains("<table"), "decided: the relations are no longer a proposal: " + changes);
    }

    @Test
    void aSilentResidencyWhenFilingIsTheUnavailablePage() {
        PageSession head = new PageSession(Tokens.of("citizen"));
        String page = head.get("/my/household").asString();
        GatewayStandIn.answer("POST", HEAD_CHANGES, r -> Answer.problem(503,
                "{\"type\":\"urn:civilportal:problem:service-unavailable\",\"status\":503}"));
        file(head, page, SPOUSE, HEAD + ":SPOUSE", CHILD + ":CHILD").then().statusCode(503)
                .body(containsString("id=\"unavailable\""));
    }
}
