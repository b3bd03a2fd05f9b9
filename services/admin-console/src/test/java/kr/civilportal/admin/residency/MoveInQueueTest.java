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
