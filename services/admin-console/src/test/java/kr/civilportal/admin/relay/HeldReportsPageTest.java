package kr.civilportal.admin.relay;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 보류·전달 실패 119 신고: the supervisor's list (no personal data), a refused report read with a reason, settled
 * or sent again once; the gateway's answers stand in for its journal.
 */
@QuarkusTest
class HeldReportsPageTest {

    static final String API = "/api/relay/v1/held-reports";
    static final String ID = "5b1c9a2e-0000-4000-8000-00000000f001";
    static final String REFUSED = "{\"relayId\":\"" + ID + "\",\"receivedAt\":\"2026-12-05T01:00:00Z\","
            + "\"state\":\"FAILED\",\"attempts\":2,\"refusal\":{\"status\":400,\"title\":\"Invalid input\","
            + "\"detail\":\"Some fields are invalid: description\",\"detailKo\":\"입력값을 확인해 주세요: description\","
            + "\"fields\":[\"description\"]},\"bodyBytes\":180,\"contentType\":\"application/json\",\"steps\":[%s]}";

    @BeforeEach
    void journal() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "{\"reports\":[" + REFUSED.formatted("")
                + ",{\"relayId\":\"5b1c9a2e-0000-4000-8000-00000000f002\",\"receivedAt\":\"2026-12-05T02:00:00Z\","
                + "\"state\":\"HELD\",\"attempts\":1,\"nextAttemptAt\":\"2026-12-05T02:01:00Z\","
                + "\"lastError\":\"connection refused\",\"bodyBytes\":90,\"contentType\":\"application/json\","
                + "\"steps\":[]}],\"truncated\":false}"));
        GatewayStandIn.answer("GET", API + "/" + ID, r -> Answer.json(200, REFUSED.formatted("")));
    }

    @Test
    void theSupervisorSeesWhatNeedsAPersonWithoutPersonalData() {
        new PageSession(Tokens.of("supervisor")).get("/admin/held-reports").then().statusCode(200)
                .body(containsString("id=\"held-" + ID + "\"")).body(containsString("전달 실패 (확인 필요)"))
                .body(containsString("입력값을 확인해 주세요: description"))
                .body(containsString("보관 중 (전달 대기)")).body(containsString("connection refused"))
                // 10:00 KST
                .body(containsString("2026-12-05 10:00"));
        assertEquals(null, GatewayStandIn.received().get(0).query(), "the open reports: no state asked");
        new PageSession(Tokens.of("supervisor")).get("/admin/held-reports?state=RESOLVED").then().statusCode(200);
        assertEquals("state=RESOLVED", GatewayStandIn.received().get(1).query());
    }

    @Test
    void aRefusedReportIsReadWithAReasonThenSettledOnce() {
        GatewayStandIn.answer("GET", API + "/" + ID + "/content", r -> Answer.json(200, "{\"contentType\":"
                + "\"multipart/form-data; boundary=b\",\"bodyBytes\":180,\"report\":\"{\\\"category\\\":\\\"FIRE\\\","
                + "\\\"reporterPhone\\\":\\\"010-3456-7890\\\"}\",\"attachments\":[{\"name\":\"attachments\","
                + "\"filename\":\"fire.jpg\",\"contentType\":\"image/jpeg\",\"bytes\":20000}]}"));
        GatewayStandIn.answer("POST", API + "/" + ID + "/resolution", r -> Answer.json(200, REFUSED.formatted("")));
        PageSession supervisor = new PageSession(Tokens.of("supervisor"));
        String page = supervisor.get("/admin/held-reports/" + ID).then().statusCode(200)
                .body(containsString("id=\"read-form\"")).body(not(containsString("010-3456-7890")))
                .body(containsString("id=\"resolve-form\"")).body(containsString("id=\"retry-form\""))
                .extract().asString();

        // No reason: said next to the field, nothing read.
        supervisor.request().queryParam("reason", "  ").get("/admin/held-reports/" + ID).then().statusCode(400)
                .body(containsString("id=\"reason-error\""));
        assertEquals(0, asked("/content").size());
        supervisor.get("/admin/held-reports/" + ID + "?reason=신고자 회신").then().statusCode(200)
                .body(containsString("010-3456-7890")).body(containsString("fire.jpg"))
                .body(containsString("id=\"read-logged\""));
        assertEquals("reason=신고자 회신", asked("/content").get(0).query());

        supervisor.post("/admin/held-reports/" + ID + "/resolution", page, Map.of("note", " ")).then().statusCode(400)
                .body(containsString("id=\"note-error\""));
        assertEquals(0, asked("/resolution").size());
        supervisor.post("/admin/held-reports/" + ID + "/resolution", page, Map.of("note", "전화로 확인, 직접 접수"))
                .then().statusCode(303).header("Location", containsString("/admin/held-reports/" + ID + "?done=resolve"));
        List<GatewayStandIn.Request> sent = asked("/resolution");
        assertEquals(1, sent.size());
        assertEquals("{\"note\":\"전화로 확인, 직접 접수\"}", sent.get(0).body());
        assertNotNull(sent.get(0).header("Idempotency-Key"), "a resend of the form is one step");
    }

    @Test
    void aReportStillHeldCanBeSettledButNotSentAgain() {
        String held = "5b1c9a2e-0000-4000-8000-00000000f002";
        GatewayStandIn.answer("GET", API + "/" + held, r -> Answer.json(200, "{\"relayId\":\"" + held + "\","
                + "\"receivedAt\":\"2026-12-05T02:00:00Z\",\"state\":\"HELD\",\"attempts\":1,"
                + "\"nextAttemptAt\":\"2026-12-05T02:01:00Z\",\"bodyBytes\":90,\"contentType\":\"application/json\","
                + "\"steps\":[]}"));
        new PageSession(Tokens.of("supervisor")).get("/admin/held-reports/" + held).then().statusCode(200)
                .body(containsString("id=\"resolve-form\"")).body(not(containsString("id=\"retry-form\"")))
                .body(containsString("다시 전달되지 않습니다"));
    }

    @Test
    void aStepTheGatewayRefusesIsSaidOnThePage() {
        GatewayStandIn.answer("POST", API + "/" + ID + "/retry", r -> Answer.problem(409, "{\"type\":"
                + "\"urn:civilportal:problem:conflict\",\"status\":409,\"detail\":\"Only a report the service refused "
                + "can be sent again\",\"detailKo\":\"서비스가 받지 않은 신고만 다시 보낼 수 있습니다\"}"));
        PageSession supervisor = new PageSession(Tokens.of("supervisor"));
        String page = supervisor.get("/admin/held-reports/" + ID).then().statusCode(200).extract().asString();
        supervisor.post("/admin/held-reports/" + ID + "/retry", page, Map.of("note", "배포 후"))
                .then().statusCode(409).body(containsString("서비스가 받지 않은 신고만 다시 보낼 수 있습니다"))
                .body(containsString("배포 후"));
    }

    @Test
    void theJournalUnreadableSaysSoAndAnUnknownReportIsNotFound() {
        GatewayStandIn.answer("GET", API, r -> Answer.problem(503, "{\"status\":503}"));
        new PageSession(Tokens.of("supervisor")).get("/admin/held-reports").then().statusCode(503)
                .body(containsString("id=\"held-unavailable\""));
        new PageSession(Tokens.of("supervisor")).get("/admin/held-reports/5b1c9a2e-0000-4000-8000-00000000ffff")
                .then().statusCode(404).body(containsString("id=\"held-not-found\""));
    }

    @Test
    void onlySupervisorsOpenItAndTheMenuShowsItToThem() {
        for (String official : new String[] {"dispatcher", "admin", "auditor", "passport-officer"}) {
            new PageSession(Tokens.of(official)).get("/admin/held-reports").then().statusCode(403)
                    .body(containsString("119 상황팀장"));
            new PageSession(Tokens.of(official)).get("/admin").then()
                    .body(not(containsString("href=\"/admin/held-reports\"")));
        }
        new PageSession(Tokens.of("supervisor")).get("/admin").then().statusCode(200)
                .body(containsString("href=\"/admin/held-reports\"")).body(containsString("href=\"/admin/dispatch\""));
    }

    private static List<GatewayStandIn.Request> asked(String suffix) {
        return GatewayStandIn.received().stream().filter(r -> r.path().endsWith(suffix)).toList();
    }
}
