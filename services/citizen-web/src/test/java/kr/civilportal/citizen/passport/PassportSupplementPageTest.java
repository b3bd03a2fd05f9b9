package kr.civilportal.citizen.passport;

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
 * 보완요청 on the application's page: what is missing and by when, a new photo, and 보완 제출, which sends the
 * application back to the officer with the form's key (a resend is the same request).
 */
@QuarkusTest
class PassportSupplementPageTest {

    private static final UUID APPLICATION = UUID.fromString("4d1e2f30-1a2b-4c3d-8e4f-5a6b7c8d9e01");
    private static final String API = "/api/passport/v1/applications/" + APPLICATION;
    private static final String PAGE = "/my/petitions/passport/" + APPLICATION;

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
    }

    @Test
    void theCitizenSeesWhatIsAskedAndSendsTheApplicationBackForReview() {
        answerWith("SUPPLEMENT_REQUESTED");
        GatewayStandIn.answer("POST", API + "/resubmission", r -> Answer.json(200, application("UNDER_REVIEW")));
        PageSession citizen = new PageSession(Tokens.of("citizen"));

        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"supplement\""), page);
        assertTrue(page.contains("사진 배경이 흰색이 아닙니다"), "what is missing");
        assertTrue(page.contains("<strong id=\"supplement-deadline\">2026-12-20</strong>"), "by when");
        assertTrue(page.contains("action=\"/my/passport/applications/" + APPLICATION + "/photo"), "a new photo");

        citizen.post(PAGE + "/resubmission", page, Map.of())
                .then().statusCode(303).header("Location", endsWith(PAGE + "?resubmitted=true"));
        citizen.post(PAGE + "/resubmission", page, Map.of())
                .then().statusCode(303);

        List<GatewayStandIn.Request> sent = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(API + "/resubmission")).toList();
        assertEquals(2, sent.size());
        String key = sent.get(0).header("Idempotency-Key");
        assertNotNull(key);
        assertEquals(key, sent.get(1).header("Idempotency-Key"), "a double submit is one resubmission");
        String body = sent.get(0).body();
        assertTrue(body == null || body.isEmpty(), "nothing typed nor chosen: asked as before, with no body: " + body);

        answerWith("UNDER_REVIEW");
        String after = citizen.get(PAGE + "?resubmitted=true").then().statusCode(200).extract().asString();
        assertTrue(after.contains("id=\"resubmitted\""), after);
        assertFalse(after.contains("id=\"resubmit\""), "nothing more to send once it is under review");
    }

    /** The identity settled while it waits: that step (status kept, a note, no deadline) is not what was asked. */
    @Test
    void anIdentityCheckWhileItWaitsDoesNotHideTheRequest() {
        String settled = application("SUPPLEMENT_REQUESTED").replace("]}", ",{\"from\":\"SUPPLEMENT_REQUESTED\","
                + "\"to\":\"SUPPLEMENT_REQUESTED\",\"at\":\"2026-12-04T01:00:00Z\",\"reason\":\"신분증 대조\","
                + "\"identityCheck\":\"CONFIRMED_BY_OFFICER\"}]}");
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, settled));
        String page = new PageSession(Tokens.of("citizen")).get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p id=\"supplement-reason\">사진 배경이 흰색이 아닙니다</p>"), page);
        assertTrue(page.contains("<strong id=\"supplement-deadline\">2026-12-20</strong>"), page);
        assertTrue(page.contains("id=\"resubmit\""), page);
        assertTrue(page.contains(": 본인 확인: 신분증 대조</li>"), "the step in the history is named for what it was: " + page);
        assertFalse(page.contains(": 보완 요청: 신분증 대조</li>"), page);
    }

    @Test
    void anApplicationNotAskedForASupplementHasNoSuchForm() {
        answerWith("UNDER_REVIEW");
        String page = new PageSession(Tokens.of("citizen")).get(PAGE).then().statusCode(200).extract().asString();
        assertFalse(page.contains("id=\"supplement\"") || page.contains("id=\"resubmit\""), page);
    }

    private static void answerWith(String status) {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application(status)));
    }

    private static String application(String status) {
        return "{\"id\":\"" + APPLICATION + "\",\"kind\":\"NEW\",\"status\":\"" + status + "\","
                + "\"submittedAt\":\"2026-12-01T01:00:00Z\",\"history\":["
                + "{\"to\":\"SUBMITTED\",\"at\":\"2026-12-01T01:00:00Z\"},"
                + "{\"to\":\"UNDER_REVIEW\",\"at\":\"2026-12-02T01:00:00Z\"},"
                + "{\"to\":\"SUPPLEMENT_REQUESTED\",\"at\":\"2026-12-03T01:00:00Z\",\"reason\":\"사진 배경이 흰색이 아닙니다\","
                + "\"supplementDeadline\":\"2026-12-20\"}]}";
    }
}
