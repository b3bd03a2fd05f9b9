package kr.civilportal.admin.residency;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** The move-in queue's decisions: each with a key of its own, a refusal shown, a silent residency said so. */
@QuarkusTest
class MoveInQueueTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @BeforeEach
    void queue() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/residency/v1/officer/move-ins", r -> Answer.json(200, "[" + item(first, "김지민")
                .replace("}", ",\"office\":\"SEOUL-MAPO\",\"officeName\":\"마포구청\"}")
                + "," + item(second, "이서준") + "]"));
    }

    /** As residency sends one: a new household's mover is its head (HEAD), which the page once could not read. */
    private static String item(UUID id, String name) {
        return "{\"id\":\"" + id + "\",\"residentId\":\"" + UUID.randomUUID() + "\",\"residentName\":\"" + name
                + "\",\"mode\":\"NEW_HOUSEHOLD\",\"relationToHead\":\"HEAD\",\"address\":\"서울특별시 마포구 월드컵북로 396\",\"movedInOn\":\"2026-11-20\","
                + "\"status\":\"SUBMITTED\",\"submittedAt\":\"2026-11-20T09:00:00+09:00\"}";
    }

    @Test
    void eachReportNamesItsOfficeOrSaysItHasNone() {
        String page = new PageSession(Tokens.of("residency-officer")).get("/admin/move-ins").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("id=\"office-" + first + "\">마포구청</dd>"), page);
        assertTrue(page.contains("id=\"office-" + second + "\">관할 기관 없음 (모든 담당자에게 보입니다)</dd>"), page);
    }

    @Test
    void eachDecisionCarriesItsOwnKeyAndARefusalIsShown() {
        GatewayStandIn.answer("POST", "/api/residency/v1/officer/move-ins/" + first + "/approval",
                r -> Answer.json(200, "{}"));
        GatewayStandIn.answer("POST", "/api/residency/v1/officer/move-ins/" + second + "/approval",
                r -> Answer.problem(409, "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409,"
                        + "\"detail\":\"Already decided\",\"detailKo\":\"이미 처리된 신고입니다\"}"));
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        String page = officer.get("/admin/move-ins").then().statusCode(200).body(containsString("김지민")).extract().asString();

        officer.post("/admin/move-ins/" + first + "/approval", page, Map.of()).then().statusCode(303)
                .header("Location", containsString("done=approved"));
        officer.post("/admin/move-ins/" + second + "/approval", page, Map.of()).then().statusCode(409)
                .body(containsString("이미 처리된 신고입니다"));

        List<GatewayStandIn.Request> decisions = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST")).toList();
        assertEquals(2, decisions.size());
        assertNotEquals(decisions.get(0).header("Idempotency-Key"), decisions.get(1).header("Idempotency-Key"),
                "two reports' decisions are two requests");
    }

    @Test
    void anOfficerAssignsAReportToAColleagueAndTheQueueSaysWhoAssignedIt() {
        String colleague = "a1c2e3f4-0000-4000-8000-000000000021";
        String api = "/api/residency/v1/officer/move-ins/" + first;
        GatewayStandIn.answer("GET", api + "/assignees", r -> Answer.json(200, "[{\"subject\":\"" + colleague
                + "\",\"officer\":\"residency-officer3\"}]"));
        GatewayStandIn.answer("POST", api + "/holder/assignment", r -> Answer.json(200, "{}"));
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        officer.get("/admin/move-ins").then().statusCode(200)
                .body(containsString("href=\"/admin/move-ins/" + first + "/assignment\" id=\"assign-" + first + "\">"));

        String form = officer.get("/admin/move-ins/" + first + "/assignment").then().statusCode(200)
                .body(containsString("<h1>전입신고 담당자 배정</h1>"))
                .body(containsString(">residency-officer3</label>")).extract().asString();
        officer.post("/admin/move-ins/" + first + "/assignment", form, Map.of("assignee", colleague))
                .then().statusCode(303).header("Location", containsString("/admin/move-ins?holding=assigned#movein-" + first));
        List<GatewayStandIn.Request> sent = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST")).toList();
        assertEquals(List.of(api + "/holder/assignment"), sent.stream().map(GatewayStandIn.Request::path).toList());
        assertEquals("{\"assignee\":\"" + colleague + "\"}", sent.get(0).body());

        GatewayStandIn.answer("GET", "/api/residency/v1/officer/move-ins", r -> Answer.json(200, "[" + item(first, "김지민")
                .replace("}", ",\"holder\":{\"officer\":\"residency-officer3\",\"since\":\"2026-11-20T02:00:00Z\","
                        + "\"assignedBy\":\"residency-officer\"}}") + "]"));
        officer.get("/admin/move-ins?holding=assigned").then().statusCode(200)
                .body(containsString("전입신고를 배정했습니다."))
                .body(containsString("<span id=\"assigned-by-" + first + "\">residency-officer님이 배정</span>"));

        // Another office's report: nobody to offer, said in words.
        GatewayStandIn.answer("GET", "/api/residency/v1/officer/move-ins/" + second + "/assignees",
                r -> Answer.problem(404, "{\"status\":404}"));
        officer.get("/admin/move-ins/" + second + "/assignment").then().statusCode(404)
                .body(containsString("이 전입신고를 찾을 수 없습니다."));
    }

    @Test
    void anOfficerAsksForASupplementAndTheQueueShowsWhatWaitsAndWhatWasAnswered() {
        String api = "/api/residency/v1/officer/move-ins";
        GatewayStandIn.answer("POST", api + "/" + first + "/supplement-request", r -> Answer.json(200, "{}"));
        GatewayStandIn.answer("POST", api + "/" + second + "/supplement-request",
                r -> Answer.problem(400, "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,"
                        + "\"detail\":\"Some fields are invalid: deadline\",\"detailKo\":\"입력값을 확인해 주세요\","
                        + "\"errors\":[{\"field\":\"deadline\",\"detail\":\"보완 기한은 30일 이내여야 합니다\"}]}"));
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        String page = officer.get("/admin/move-ins").then().statusCode(200)
                .body(containsString("id=\"supplement-form-" + first + "\""))
                .body(containsString("id=\"waiting-empty\"")).extract().asString();

        // Nothing typed: said by the form, nothing sent; a refusal on the deadline shown by its field, text kept.
        officer.post("/admin/move-ins/" + first + "/supplement-request", page, Map.of("what", " ", "deadline", ""))
                .then().statusCode(400).body(containsString("id=\"supplement-what-" + first + "-error\""))
                .body(containsString("id=\"supplement-deadline-" + first + "-error\""));
        officer.post("/admin/move-ins/" + second + "/supplement-request", page,
                Map.of("what", "임대차계약서 사본", "deadline", "2027-03-01")).then().statusCode(400)
                .body(containsString("보완 기한은 30일 이내여야 합니다"))
                .body(containsString("value=\"임대차계약서 사본\""));
        officer.post("/admin/move-ins/" + first + "/supplement-request", page,
                Map.of("what", "임대차계약서 사본", "deadline", "2026-12-20")).then().statusCode(303)
                .header("Location", containsString("/admin/move-ins?supplement=requested"));
        List<GatewayStandIn.Request> sent = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(api + "/" + first + "/supplement-request"))
                .toList();
        assertEquals(1, sent.size(), "the empty form was not sent");
        assertEquals("{\"what\":\"임대차계약서 사본\",\"deadline\":\"2026-12-20\"}", sent.get(0).body());
        assertTrue(sent.get(0).header("Idempotency-Key") != null);

        // Waiting for the citizen: listed apart with what and until when; answered: the answer beside the request.
        String waiting = item(first, "김지민").replace("\"status\":\"SUBMITTED\"", "\"status\":\"SUPPLEMENT_REQUESTED\"")
                .replace("}", ",\"supplements\":[{\"what\":\"임대차계약서 사본\",\"deadline\":\"2026-12-20\","
                        + "\"requestedAt\":\"2026-12-06T01:00:00Z\",\"requestedBy\":\"residency-officer\"}]}");
        String answered = item(second, "이서준").replace("}", ",\"supplements\":[{\"what\":\"전입 사실 확인서\","
                + "\"deadline\":\"2026-12-10\",\"requestedAt\":\"2026-12-01T01:00:00Z\",\"requestedBy\":"
                + "\"residency-officer\",\"answer\":\"주민센터에 제출했습니다\",\"answeredAt\":\"2026-12-02T01:00:00Z\"}]}");
        GatewayStandIn.answer("GET", api, r -> Answer.json(200, "SUPPLEMENT_REQUESTED".equals(
                r.query() == null ? null : r.query().replaceAll(".*status=([A-Z_]+).*", "$1"))
                ? "[" + waiting + "]" : "[" + answered + "]"));
        String after = officer.get("/admin/move-ins?supplement=requested").then().statusCode(200).extract().asString();
        assertTrue(after.contains("id=\"supplement-done\""), after);
        assertTrue(after.contains("<dd id=\"waiting-what-" + first + "\">임대차계약서 사본</dd>"), after);
        assertTrue(after.contains("<dd id=\"waiting-deadline-" + first + "\">2026-12-20</dd>"), after);
        assertTrue(after.contains("id=\"supplement-answer-" + second + "\">주민센터에 제출했습니다"), after);
        assertTrue(!after.contains("id=\"approve-" + first + "\""), "no decision offered while it waits");
        List<GatewayStandIn.Request> lists = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals(api) && r.query() != null
                        && r.query().contains("status=SUPPLEMENT_REQUESTED")).toList();
        assertTrue(!lists.isEmpty(), "the waiting list is asked for");
    }

    /** Found by an outside test: an approval sent as text/plain skipped the CSRF check and ran. */
    @Test
    void aDecisionSentAsAnythingButAFormIsRefusedAndNothingIsDecided() {
        GatewayStandIn.answer("POST", "/api/residency/v1/officer/move-ins/" + first + "/approval",
                r -> Answer.json(200, "{}"));
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        String page = officer.get("/admin/move-ins").then().statusCode(200).extract().asString();
        StringBuilder body = new StringBuilder();
        PageSession.hiddenFields(page).forEach((k, v) -> body.append(k).append('=').append(v).append('&'));

        for (String type : new String[] {"text/plain; charset=UTF-8", "application/json"}) {
            officer.request().contentType(type).body(body.toString()).post("/admin/move-ins/" + first + "/approval")
                    .then().statusCode(400);
        }
        officer.request().noContentType().post("/admin/move-ins/" + first + "/approval").then().statusCode(400);

        assertEquals(List.of(), GatewayStandIn.received().stream().filter(r -> r.method().equals("POST")).toList());
    }

    @Test
    void aSilentResidencyShowsItsPanel() {
        GatewayStandIn.answer("GET", "/api/residency/v1/officer/move-ins", r -> Answer.problem(503, "{\"status\":503}"));
        new PageSession(Tokens.of("residency-officer")).get("/admin/move-ins").then().statusCode(503)
                .body(containsString("주민등록 서비스를 지금 이용할 수 없습니다"));
    }
}
