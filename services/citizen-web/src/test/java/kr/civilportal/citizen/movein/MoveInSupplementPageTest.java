package kr.civilportal.citizen.movein;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * 보완요청 of a move-in report: on 나의 민원 (state, what is asked, the link to its page) and on its page (what, until
 * when, the answer form with its key and data-keep); an answer sent once per key, an empty one refused on the field,
 * residency's refusal in its words; answered, 접수 again and no form.
 */
@QuarkusTest
class MoveInSupplementPageTest {

    private static final UUID REPORT = UUID.fromString("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final String API = "/api/residency/v1/move-ins/" + REPORT;
    private static final String PAGE = "/my/petitions/move-in/" + REPORT;
    private static final String ASKED = "{\"what\":\"임대차계약서 사본\",\"deadline\":\"2026-12-20\","
            + "\"requestedAt\":\"2026-12-06T01:00:00Z\",\"lapsed\":false}";
    private static final String ANSWERED = "{\"what\":\"임대차계약서 사본\",\"deadline\":\"2026-12-20\","
            + "\"requestedAt\":\"2026-12-06T01:00:00Z\",\"answer\":\"주민센터에 냈습니다\","
            + "\"answeredAt\":\"2026-12-07T01:00:00Z\",\"lapsed\":false}";

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
    }

    private static String report(String status, String supplement) {
        return "{\"id\":\"" + REPORT + "\",\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"" + status + "\","
                + "\"submittedAt\":\"2026-12-05T01:00:00Z\",\"officeName\":\"종로구청\","
                + "\"dueAt\":\"2026-12-08T10:00:00+09:00\",\"overdue\":false,\"supplements\":[" + supplement + "]}";
    }

    private static void answerWith(String status, String supplement) {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, report(status, supplement)));
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "[" + report(status, supplement) + "]"));
    }

    @Test
    void theDashboardSaysWhatIsAskedAndLinksToTheReportsPage() {
        answerWith("SUPPLEMENT_REQUESTED", ASKED);
        GatewayStandIn.answer("GET", "/api/residency/v1/certificates", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/mine", r -> Answer.json(200, "[]"));
        String page = new PageSession(Tokens.of("citizen")).get("/my").then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"" + PAGE + "\""), page);
        assertTrue(page.contains("보완요청: 임대차계약서 사본"), page);
        assertTrue(page.contains("2026-12-20"), "until when");
    }

    @Test
    void theCitizenAnswersOncePerKeyAndTheReportIsReceivedAgain() {
        answerWith("SUPPLEMENT_REQUESTED", ASKED);
        GatewayStandIn.answer("POST", API + "/supplement-answer", r -> Answer.json(200, report("SUBMITTED", ANSWERED)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p id=\"supplement-what\">임대차계약서 사본</p>"), page);
        assertTrue(page.contains("<strong id=\"supplement-deadline\">2026-12-20</strong>"), page);
        assertTrue(page.contains("id=\"supplement-answer\" enctype=\"multipart/form-data\" novalidate data-keep"), "typed text survives a lapsed login");

        citizen.post("/my/petitions/move-in/" + REPORT + "/supplement-answer", page, Map.of("answer", "  "))
                .then().statusCode(400).body(containsString("id=\"answer-error\""));
        for (int i = 0; i < 2; i++) {
            citizen.post("/my/petitions/move-in/" + REPORT + "/supplement-answer", page,
                    Map.of("answer", "주민센터에 냈습니다")).then().statusCode(303)
                    .header("Location", endsWith(PAGE + "?answered=true"));
        }
        List<GatewayStandIn.Request> sent = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(API + "/supplement-answer")).toList();
        assertEquals(2, sent.size(), "the empty answer was not sent");
        assertNotNull(sent.get(0).header("Idempotency-Key"));
        assertEquals(sent.get(0).header("Idempotency-Key"), sent.get(1).header("Idempotency-Key"),
                "a double submit is one answer");
        assertEquals("{\"answer\":\"주민센터에 냈습니다\"}", sent.get(0).body());

        answerWith("SUBMITTED", ANSWERED);
        String after = citizen.get(PAGE + "?answered=true").then().statusCode(200).extract().asString();
        assertTrue(after.contains("id=\"answered\""), after);
        assertFalse(after.contains("id=\"supplement-answer\""), "nothing more to answer");
        assertTrue(after.contains("주민센터에 냈습니다"), "the answer in the history");
    }

    @Test
    void anAnswerPastTheDeadlineIsRefusedInResidencysWordsWithTheTextKept() {
        answerWith("SUPPLEMENT_REQUESTED", ASKED);
        GatewayStandIn.answer("POST", API + "/supplement-answer", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409,\"detail\":\"The supplement deadline "
                        + "(2026-12-20) has passed.\",\"detailKo\":\"보완 기한(2026-12-20)이 지났습니다.\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        citizen.post("/my/petitions/move-in/" + REPORT + "/supplement-answer", page, Map.of("answer", "늦은 답변"))
                .then().statusCode(409).body(containsString("보완 기한(2026-12-20)이 지났습니다."))
                .body(containsString(">늦은 답변</textarea>"));
    }
}
