package kr.civilportal.admin.passport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * 담당 in the passport queue: who holds each application, the officer's own cases and the unheld ones, taking and
 * letting go; an application another officer holds offers no step (passport would refuse it). A scripted gateway.
 */
@QuarkusTest
class CaseHolderPageTest {

    private static final String API = "/api/passport/v1/applications";
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void reset() {
        GatewayStandIn.reset();
    }

    private String application(String holder) {
        return "{\"id\":\"" + id + "\",\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"status\":\"UNDER_REVIEW\","
                + "\"submittedAt\":\"2026-11-20T01:00:00Z\",\"fee\":{\"totalKrw\":53000},\"identityCheck\":\"VERIFIED\","
                + "\"office\":\"SEOUL-JONGNO\","
                + "\"history\":[]" + (holder == null ? "" : ",\"holder\":{\"officer\":\"" + holder
                + "\",\"since\":\"2026-11-20T02:00:00Z\"}") + "}";
    }

    @Test
    void theQueueShowsWhoHoldsEachAndFiltersOnIt() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "{\"items\":[" + application("passport-officer2")
                + "],\"page\":0,\"total\":1}"));
        new PageSession(Tokens.of("passport-officer")).get("/admin/passports?status=UNDER_REVIEW&held=MINE")
                .then().statusCode(200).body(containsString("<td class=\"holder\">passport-officer2</td>"))
                .body(containsString("<option value=\"MINE\" selected>내 업무</option>"));
        assertEquals("status=UNDER_REVIEW&held=MINE&page=0&size=50", GatewayStandIn.received().get(0).query());
    }

    @Test
    void theQueueShowsTheDaysFiguresAndEachDeadline() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "{\"items\":[" + application(null).replace(
                "\"history\"", "\"dueOn\":\"2026-11-30\",\"overdue\":true,\"history\"") + "],\"page\":0,\"total\":1}"));
        GatewayStandIn.answer("GET", API + "/counts", r -> Answer.json(200, "{\"received\":3,\"inProgress\":2,"
                + "\"waitingForSupplement\":1,\"overdue\":1,\"doneToday\":4}"));
        new PageSession(Tokens.of("passport-officer")).get("/admin/passports?status=UNDER_REVIEW").then().statusCode(200)
                .body(containsString("id=\"count-overdue\"><strong class=\"portal-overdue\">1</strong>"))
                .body(containsString("id=\"count-done-today\">4<"))
                .body(containsString("<td class=\"due\"><strong class=\"portal-overdue\">처리기한 경과</strong> (2026-11-30)"));
        // The figures cannot be read: the queue shows without them.
        GatewayStandIn.answer("GET", API + "/counts", r -> Answer.problem(503, "{\"status\":503}"));
        new PageSession(Tokens.of("passport-officer")).get("/admin/passports?status=UNDER_REVIEW").then().statusCode(200)
                .body(not(containsString("id=\"counts\""))).body(containsString("처리기한 경과"));
    }

    @Test
    void anOfficerAssignsAnApplicationToAColleagueAndItsPageSaysWhoAssignedIt() {
        String colleague = "a1c2e3f4-0000-4000-8000-000000000018";
        GatewayStandIn.answer("GET", API + "/" + id, r -> Answer.json(200, application(null)));
        GatewayStandIn.answer("GET", API + "/" + id + "/assignees", r -> Answer.json(200, "[{\"subject\":\""
                + "a1c2e3f4-0000-4000-8000-000000000012\",\"officer\":\"passport-officer\"},{\"subject\":\"" + colleague
                + "\",\"officer\":\"passport-officer2\"}]"));
        GatewayStandIn.answer("POST", API + "/" + id + "/holder/assignment", r -> Answer.json(200,
                application("passport-officer2").replace("\"since\"", "\"assignedBy\":\"passport-officer\",\"since\"")));
        PageSession officer = new PageSession(Tokens.of("passport-officer"));
        officer.get("/admin/passports/" + id).then().statusCode(200)
                .body(containsString("href=\"/admin/passports/" + id + "/assignment\" id=\"assign-link\">담당자 배정</a>"));

        String form = officer.get("/admin/passports/" + id + "/assignment").then().statusCode(200)
                .body(containsString("<h1>여권 신청 담당자 배정</h1>"))
                .body(containsString(">passport-officer (나)</label>"))
                .body(containsString("value=\"" + colleague + "\">"))
                .body(containsString("href=\"/admin/passports/" + id + "\" id=\"back-to-queue\""))
                .extract().asString();
        officer.post("/admin/passports/" + id + "/assignment", form, Map.of("assignee", colleague))
                .then().statusCode(303).header("Location", containsString("/admin/passports/" + id + "?holding=assigned"));
        assertEquals("{\"assignee\":\"" + colleague + "\"}", sent("POST").get(0).body());

        GatewayStandIn.answer("GET", API + "/" + id, r -> Answer.json(200,
                application("passport-officer2").replace("\"since\"", "\"assignedBy\":\"passport-officer\",\"since\"")));
        officer.get("/admin/passports/" + id + "?holding=assigned").then().statusCode(200)
                .body(containsString("신청을 배정했습니다. 배정받은 담당자가 처리합니다."))
                .body(containsString("<span id=\"application-assigned-by\">passport-officer님이 배정</span>"))
                // Now another officer's: only its take-over is offered, no assignment.
                .body(not(containsString("id=\"assign-link\"")));
    }

    @Test
    void anOfficerTakesAFreeApplicationAndLetsItGo() {
        GatewayStandIn.answer("GET", API + "/" + id, r -> Answer.json(200, application(null)));
        GatewayStandIn.answer("PUT", API + "/" + id + "/holder", r -> Answer.json(200, application("passport-officer")));
        PageSession officer = new PageSession(Tokens.of("passport-officer"));
        String page = officer.get("/admin/passports/" + id).then().statusCode(200)
                .body(containsString("id=\"take-form\"")).body(containsString("미배정")).extract().asString();
        officer.post("/admin/passports/" + id + "/holder", page, Map.of()).then().statusCode(303)
                .header("Location", containsString("/admin/passports/" + id + "?holding=taken"));
        assertEquals(1, sent("PUT").size());

        GatewayStandIn.answer("GET", API + "/" + id, r -> Answer.json(200, application("passport-officer")));
        GatewayStandIn.answer("DELETE", API + "/" + id + "/holder", r -> Answer.json(200, application(null)));
        page = officer.get("/admin/passports/" + id + "?holding=taken").then().statusCode(200)
                .body(containsString("id=\"holding-done\"")).body(containsString("내가 담당 중"))
                .body(containsString("id=\"release-form\"")).extract().asString();
        officer.post("/admin/passports/" + id + "/holder/release", page, Map.of()).then().statusCode(303)
                .header("Location", containsString("?holding=released"));
        assertEquals(1, sent("DELETE").size());
    }

    @Test
    void anApplicationAnotherOfficerHoldsOffersNoStepAndARefusalIsSaid() {
        PageSession officer = new PageSession(Tokens.of("passport-officer"));
        // The page as shown while nobody held it; meanwhile the other officer takes it.
        GatewayStandIn.answer("GET", API + "/" + id, r -> Answer.json(200, application(null)));
        String before = officer.get("/admin/passports/" + id).then().statusCode(200)
                .body(containsString("<dd id=\"application-office\">SEOUL-JONGNO</dd>")).extract().asString();
        GatewayStandIn.answer("GET", API + "/" + id, r -> Answer.json(200, application("passport-officer2")));
        GatewayStandIn.answer("PUT", API + "/" + id + "/holder", r -> Answer.problem(409, "{\"type\":"
                + "\"urn:civilportal:problem:case-held\",\"status\":409,\"detail\":\"Officer passport-officer2 holds this "
                + "application\",\"detailKo\":\"담당자 passport-officer2님이 처리 중인 신청입니다.\"}"));
        officer.post("/admin/passports/" + id + "/holder", before, Map.of())
                .then().statusCode(409).body(containsString("담당자 passport-officer2님이 처리 중인 신청입니다."));

        officer.get("/admin/passports/" + id).then().statusCode(200)
                .body(containsString("id=\"held-by-other\"")).body(containsString("passport-officer2"))
                .body(not(containsString("/transitions"))).body(not(containsString("id=\"take-form\"")));
    }

    @Test
    void aCaseWhoseHolderIsAwayIsTakenOverWithAReasonAndWithoutOneNothingIsSent() {
        PageSession officer = new PageSession(Tokens.of("passport-officer"));
        GatewayStandIn.answer("GET", API + "/" + id, r -> Answer.json(200, application("passport-officer2")));
        String page = officer.get("/admin/passports/" + id).then().statusCode(200)
                .body(containsString("id=\"takeover-form\"")).body(containsString("인계 사유")).extract().asString();

        officer.post("/admin/passports/" + id + "/holder/takeover", page, Map.of("takeoverReason", "  "))
                .then().statusCode(400).body(containsString("id=\"takeoverReason-error\""));
        officer.post("/admin/passports/" + id + "/holder/takeover", page, Map.of("takeoverReason", "가".repeat(201)))
                .then().statusCode(400);
        assertEquals(0, sent("POST").size(), "nothing is sent without a reason");

        String reason = "담당자 휴가, 처리기한 임박";
        GatewayStandIn.answer("POST", API + "/" + id + "/holder/takeover", r -> Answer.json(200, application(null)));
        officer.post("/admin/passports/" + id + "/holder/takeover", page, Map.of("takeoverReason", reason))
                .then().statusCode(303).header("Location", containsString("?holding=taken-over"));
        assertEquals(1, sent("POST").size());
        assertEquals("{\"reason\":\"" + reason + "\"}", sent("POST").get(0).body());

        GatewayStandIn.answer("GET", API + "/" + id, r -> Answer.json(200, application("passport-officer").replace(
                "\"since\":\"2026-11-20T02:00:00Z\"", "\"since\":\"2026-11-20T02:00:00Z\",\"takenOverFrom\":"
                        + "\"passport-officer2\",\"takeoverReason\":\"" + reason + "\"")));
        officer.get("/admin/passports/" + id + "?holding=taken-over").then().statusCode(200)
                .body(containsString("담당을 인계받았습니다"))
                .body(containsString("<span id=\"application-takeover\">passport-officer2님에게서 인계 (사유: " + reason
                        + ")</span>"));
    }

    private static List<GatewayStandIn.Request> sent(String method) {
        return GatewayStandIn.received().stream().filter(r -> r.method().equals(method)).toList();
    }
}
