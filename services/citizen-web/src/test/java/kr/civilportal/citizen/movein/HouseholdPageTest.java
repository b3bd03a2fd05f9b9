package kr.civilportal.citizen.movein;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * 세대 합가 동의: the head sees who asks (masked) and consents or declines; the asker follows their request and
 * may withdraw it. Each button is one write to residency, carrying the page's Idempotency-Key.
 */
@QuarkusTest
class HouseholdPageTest {

    private static final String REQUESTS = "/api/residency/v1/household/join-requests";
    private static final String MOVE_INS = "/api/residency/v1/move-ins";
    private static final String REQUEST = "3f0e1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private static final String OWN = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", REQUESTS, r -> Answer.json(200, "[{\"id\":\"" + REQUEST + "\",\"requesterName\":\"이*연\","
                + "\"relationToHead\":\"SIBLING\",\"movedInOn\":\"2026-11-22\",\"status\":\"AWAITING_HEAD\","
                + "\"submittedAt\":\"2026-11-22T10:00:00+09:00\"}]"));
        GatewayStandIn.answer("GET", MOVE_INS, r -> Answer.json(200, "[{\"id\":\"" + OWN + "\",\"mode\":\"JOIN_HOUSEHOLD\","
                + "\"status\":\"AWAITING_HEAD\",\"submittedAt\":\"2026-11-22T10:00:00+09:00\"},"
                + "{\"id\":\"8b1b3c3e-4f7e-4a53-9a48-3a4c1c3b2d11\",\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"APPROVED\","
                + "\"submittedAt\":\"2026-11-01T10:00:00+09:00\",\"decidedAt\":\"2026-11-02T10:00:00+09:00\"}]"));
    }

    @Test
    void theHeadConsentsWithOneWriteToResidency() {
        GatewayStandIn.answer("POST", REQUESTS + "/" + REQUEST + "/consent", r -> Answer.json(200, "{}"));
        PageSession head = new PageSession(Tokens.of("citizen"));
        String page = head.get("/my/household").then().statusCode(200)
                .body(containsString("이*연")).body(not(containsString("이서연")))
                .body(containsString("id=\"consent-" + REQUEST + "\""))
                .body(containsString("id=\"withdraw-" + OWN + "\""))
                .body(not(containsString("withdraw-8b1b3c3e")))
                .extract().asString();

        String action = "/my/household/requests/" + REQUEST + "/consent";
        head.post(action, page, Map.of()).then().statusCode(303)
                .header("Location", endsWith("/my/household?done=consented"));
        List<GatewayStandIn.Request> sent = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST")).toList();
        assertEquals(1, sent.size());
        assertEquals(REQUESTS + "/" + REQUEST + "/consent", sent.get(0).path());
        assertTrue(sent.get(0).header("Idempotency-Key").endsWith(REQUEST), sent.get(0).header("Idempotency-Key"));
        head.get("/my/household?done=consented").then().statusCode(200).body(containsString("id=\"done\""));
    }

    @Test
    void anAnswerAlreadyGivenSaysSoAndASilentServiceSaysUnavailable() {
        GatewayStandIn.answer("POST", REQUESTS + "/" + REQUEST + "/refusal", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409,\"title\":\"Conflict\"}"));
        PageSession head = new PageSession(Tokens.of("citizen"));
        String page = head.get("/my/household").asString();
        head.post("/my/household/requests/" + REQUEST + "/refusal", page, Map.of()).then().statusCode(303)
                .header("Location", endsWith("/my/household?done=gone"));

        GatewayStandIn.answer("POST", MOVE_INS + "/" + OWN + "/withdrawal", r -> Answer.problem(503, "{}"));
        head.post("/my/household/move-ins/" + OWN + "/withdrawal", page, Map.of()).then().statusCode(503);
    }

    @Test
    void aButtonWithoutTheFormsTokenChangesNothing() {
        GatewayStandIn.answer("POST", REQUESTS + "/" + REQUEST + "/consent", r -> Answer.json(200, "{}"));
        PageSession head = new PageSession(Tokens.of("citizen"));
        head.get("/my/household").then().statusCode(200);
        head.request().contentType("application/x-www-form-urlencoded").formParam("idempotencyKey", "k")
                .post("/my/household/requests/" + REQUEST + "/consent").then().statusCode(400);
        assertTrue(GatewayStandIn.received().stream().noneMatch(r -> r.method().equals("POST")));
    }
}
