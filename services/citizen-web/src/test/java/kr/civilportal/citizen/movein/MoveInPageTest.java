package kr.civilportal.citizen.movein;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** The move-in form against the API's three answers: done, refused with field errors, no answer. */
@QuarkusTest
class MoveInPageTest {

    private static final String PATH = "/api/residency/v1/move-ins";
    private static final Map<String, String> FORM = Map.of("mode", "NEW_HOUSEHOLD", "movedInOn", "2026-11-20",
            "addressQuery", "월드컵북로 396", "roadAddress", "서울특별시 마포구 월드컵북로 396", "addressDetail", "1502호");

    @BeforeEach
    void reset() {
        GatewayStandIn.reset();
    }

    @Test
    void aFiledReportGoesToTheDashboardAndAResendCarriesTheSameKey() {
        GatewayStandIn.answer("POST", PATH, r -> Answer.json(201, "{\"id\":\"8b1b3c3e-4f7e-4a53-9a48-3a4c1c3b2d11\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").then().statusCode(200).extract().asString();

        citizen.post("/my/move-in", form, FORM).then().statusCode(303).header("Location", containsString("/my?filed=move-in"));
        citizen.post("/my/move-in", form, FORM).then().statusCode(303);

        List<GatewayStandIn.Request> sent = GatewayStandIn.received().stream().filter(r -> r.path().equals(PATH)).toList();
        assertEquals(2, sent.size());
        String key = PageSession.hiddenFields(form).get("idempotencyKey");
        assertNotNull(key);
        assertEquals(key, sent.get(0).header("Idempotency-Key"), "the form's key goes to residency");
        assertEquals(key, sent.get(1).header("Idempotency-Key"), "a double submit is the same request: the service replays it");
        assertEquals(sent.get(0).body(), sent.get(1).body());
        assertTrue(sent.get(0).body().contains("\"address\":\"서울특별시 마포구 월드컵북로 396, 1502호\""),
                "the chosen register address and the detail: " + sent.get(0).body());
    }

    /**
     * Found by an outside test: a POST that was not form-encoded skipped the CSRF check and ran. Whatever its type,
     * even with the page's own token in its body, it is refused and nothing reaches residency.
     */
    @Test
    void aFormSentAsAnythingButAFormIsRefusedAndNothingIsFiled() {
        GatewayStandIn.answer("POST", PATH, r -> Answer.json(201, "{\"id\":\"8b1b3c3e-4f7e-4a53-9a48-3a4c1c3b2d11\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").then().statusCode(200).extract().asString();
        StringBuilder body = new StringBuilder();
        PageSession.hiddenFields(form).forEach((k, v) -> body.append(k).append('=').append(v).append('&'));
        FORM.forEach((k, v) -> body.append(k).append('=').append(v).append('&'));

        for (String type : new String[] {"text/plain; charset=UTF-8", "application/json", "application/xml"}) {
            citizen.request().contentType(type).body(body.toString()).post("/my/move-in").then().statusCode(400);
        }
        citizen.request().noContentType().body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/my/move-in").then().statusCode(400);

        assertEquals(List.of(), GatewayStandIn.received().stream().filter(r -> r.path().equals(PATH)).toList());
    }

    /** Residency's refusal of the address (not in its register) is shown by the address fields, the choice kept. */
    @Test
    void theServicesFieldErrorsComeBackNextToTheFieldsInKorean() {
        GatewayStandIn.answer("POST", PATH, r -> Answer.problem(400, """
                {"type":"urn:civilportal:problem:validation-failed","status":400,"detail":"Invalid input",
                 "errors":[{"field":"address","detail":"This road-name address is not in the register. Use an address found by the address search.",
                  "detailKo":"도로명주소에 없는 주소입니다. 주소 검색으로 찾은 주소를 입력하세요.","extra":1}],
                 "newField":"ignored"}"""));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").then().statusCode(200).extract().asString();

        citizen.post("/my/move-in", form, FORM).then().statusCode(400)
                .body(containsString("<p class=\"form-hint-invalid\" id=\"address-error\">도로명주소에 없는 주소입니다. 주소 검색으로 찾은 주소를 입력하세요.</p>"))
                .body(containsString("<a href=\"#address\">도로명주소에 없는 주소입니다."))
                .body(containsString("aria-describedby=\"address-help address-error\""))
                .body(containsString("value=\"서울특별시 마포구 월드컵북로 396\" checked"))
                .body(containsString("id=\"addressDetail\" name=\"addressDetail\" value=\"1502호\""));
    }

    @Test
    void aSilentServiceShowsItsPanelAndKeepsWhatWasTyped() {
        GatewayStandIn.answer("POST", PATH, r -> Answer.problem(503, "{\"status\":503}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").then().statusCode(200).extract().asString();

        citizen.post("/my/move-in", form, FORM).then().statusCode(503)
                .body(containsString("id=\"unavailable\""))
                .body(containsString("주민등록 서비스를 지금 이용할 수 없습니다"))
                .body(containsString("value=\"서울특별시 마포구 월드컵북로 396\" checked"))
                .body(containsString("value=\"1502호\""));
    }

    @Test
    void theFormsOwnChecksNeedNoCallAndSpeakEnglishWhenAsked() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.cookies().put("lang", "en");
        String form = citizen.get("/my/move-in").then().statusCode(200).extract().asString();

        citizen.post("/my/move-in", form, Map.of("mode", "JOIN_HOUSEHOLD")).then().statusCode(400)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<h1>Move-in report</h1>"))
                .body(containsString("id=\"movedInOn-error\""))
                .body(containsString("id=\"headNumber-error\""))
                .body(containsString("id=\"relation-error\""))
                .body(containsString("value=\"JOIN_HOUSEHOLD\" checked"));
        assertEquals(0, GatewayStandIn.received().stream().filter(r -> r.path().equals(PATH)).count());
    }
}
