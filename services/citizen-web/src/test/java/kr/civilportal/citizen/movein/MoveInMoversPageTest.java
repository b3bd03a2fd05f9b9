package kr.civilportal.citizen.movein;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 세대 전부/일부 전입 on the move-in form: the members of the citizen's household (from their own record) with check
 * boxes, "세대 전체" for a head and ticked at first, what is sent, residency's refusal by the members' boxes.
 */
@QuarkusTest
class MoveInMoversPageTest {

    private static final String PATH = "/api/residency/v1/move-ins";
    private static final String ME = "/api/residency/v1/me";
    private static final String HEAD = "5e0b7a52-1c1d-4c9e-9f00-000000000001";
    private static final String SPOUSE = "5e0b7a52-1c1d-4c9e-9f00-000000000003";
    private static final String CHILD = "5e0b7a52-1c1d-4c9e-9f00-000000000004";
    private static final Map<String, String> FORM = Map.of("mode", "NEW_HOUSEHOLD", "movedInOn", "2026-11-20",
            "addressQuery", "월드컵북로 396", "roadAddress", "서울특별시 마포구 월드컵북로 396", "addressDetail", "1502호");

    static String record(String me) {
        return """
                {"residentId":"%s","name":"x","residentRegistrationNumber":"900315-2******","household":{"members":[
                 {"residentId":"%s","name":"김지민","relationToHead":"HEAD","residentRegistrationNumber":"900315-2******"},
                 {"residentId":"%s","name":"박준호","relationToHead":"SPOUSE","residentRegistrationNumber":"880702-1******"},
                 {"residentId":"%s","name":"박하린","relationToHead":"CHILD","residentRegistrationNumber":"150921-4******"}]}}"""
                .formatted(me, HEAD, SPOUSE, CHILD);
    }

    @BeforeEach
    void reset() {
        GatewayStandIn.reset();
    }

    @Test
    void aHeadSeesTheWholeHouseholdTickedAndSendsEveryMember() {
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, record(HEAD)));
        GatewayStandIn.answer("POST", PATH, r -> Answer.json(201, "{\"id\":\"8b1b3c3e-4f7e-4a53-9a48-3a4c1c3b2d11\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").then().statusCode(200)
                .body(containsString("함께 이사하는 세대원"))
                .body(containsString("name=\"wholeHousehold\" id=\"wholeHousehold\" value=\"true\" checked"))
                .body(containsString("id=\"mover-" + SPOUSE + "\" value=\"" + SPOUSE + "\" checked"))
                .body(containsString("박준호 (배우자)"))
                .body(containsString("박하린 (자녀)"))
                .body(not(containsString("880702")))
                .body(not(containsString("id=\"mover-" + HEAD + "\"")))
                .extract().asString();
        Map<String, String> whole = new HashMap<>(FORM);
        whole.put("wholeHousehold", "true");
        citizen.post("/my/move-in", form, whole).then().statusCode(303);

        String sent = GatewayStandIn.received().stream().filter(r -> r.path().equals(PATH)).toList().get(0).body();
        assertTrue(sent.contains("\"movers\":[\"" + SPOUSE + "\",\"" + CHILD + "\"]"), sent);
    }

    @Test
    void aMemberTicksWhoMovesWithThemAndResidencysRefusalIsShownByTheBoxes() {
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, record(SPOUSE)));
        GatewayStandIn.answer("POST", PATH, r -> Answer.problem(400, """
                {"type":"urn:civilportal:problem:validation-failed","status":400,"detail":"Invalid input",
                 "errors":[{"field":"movers","detail":"Not of your household","detailKo":"본인 세대의 세대원만 고를 수 있습니다"}]}"""));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").then().statusCode(200)
                .body(not(containsString("id=\"wholeHousehold\"")))
                .body(not(containsString("id=\"mover-" + HEAD + "\"")))
                .body(containsString("id=\"mover-" + CHILD + "\" value=\"" + CHILD + "\">"))
                .extract().asString();
        Map<String, String> withChild = new HashMap<>(FORM);
        withChild.put("movers", CHILD);
        citizen.post("/my/move-in", form, withChild).then().statusCode(400)
                .body(containsString("<p class=\"form-hint-invalid\" id=\"movers-error\">본인 세대의 세대원만 고를 수 있습니다</p>"))
                .body(containsString("<a href=\"#movers\">"))
                .body(containsString("id=\"mover-" + CHILD + "\" value=\"" + CHILD + "\" checked"))
                .body(containsString("data-keep"));

        String sent = GatewayStandIn.received().stream().filter(r -> r.path().equals(PATH)).toList().get(0).body();
        assertTrue(sent.contains("\"movers\":[\"" + CHILD + "\"]"), sent);
    }

    @Test
    void aloneNothingIsSentAboutMoversAndTheFormSpeaksEnglish() {
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, record(SPOUSE)));
        GatewayStandIn.answer("POST", PATH, r -> Answer.json(201, "{\"id\":\"8b1b3c3e-4f7e-4a53-9a48-3a4c1c3b2d11\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.cookies().put("lang", "en");
        String form = citizen.get("/my/move-in").then().statusCode(200)
                .body(containsString("Household members moving with you"))
                .body(containsString("박하린 (Child)"))
                .extract().asString();
        citizen.post("/my/move-in", form, FORM).then().statusCode(303);
        List<GatewayStandIn.Request> sent = GatewayStandIn.received().stream().filter(r -> r.path().equals(PATH)).toList();
        assertEquals(1, sent.size());
        assertFalse(sent.get(0).body().contains("movers"), sent.get(0).body());
    }

    @Test
    void theReportsPageSaysHowManyMoveAndWhoByMaskedName() {
        String report = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e";
        GatewayStandIn.answer("GET", PATH + "/" + report, r -> Answer.json(200, "{\"id\":\"" + report + "\","
                + "\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"SUBMITTED\",\"submittedAt\":\"2026-12-05T01:00:00Z\","
                + "\"overdue\":false,\"supplements\":[],\"moverCount\":3,\"movers\":[{\"name\":\"박*호\","
                + "\"relationToHead\":\"SPOUSE\"},{\"name\":\"박*린\",\"relationToHead\":\"CHILD\"}]}"));
        new PageSession(Tokens.of("citizen")).get("/my/petitions/move-in/" + report).then().statusCode(200)
                .body(containsString("<dd id=\"petition-movers\">3명 (본인 포함): 박*호 (배우자), 박*린 (자녀)</dd>"));
    }

    @Test
    void theHeadAskedToConsentIsToldHowManyWouldJoin() {
        String request = "3f0e1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5c";
        GatewayStandIn.answer("GET", "/api/residency/v1/household/join-requests", r -> Answer.json(200, "[{\"id\":\""
                + request + "\",\"requesterName\":\"신*나\",\"relationToHead\":\"SIBLING\",\"movedInOn\":\"2026-11-22\","
                + "\"status\":\"AWAITING_HEAD\",\"submittedAt\":\"2026-11-22T10:00:00+09:00\",\"moverCount\":2}]"));
        GatewayStandIn.answer("GET", PATH, r -> Answer.json(200, "[]"));
        new PageSession(Tokens.of("citizen")).get("/my/household").then().statusCode(200)
                .body(containsString("<p id=\"request-movers-" + request + "\"><strong>신청인을 포함해 2명이 함께 합가합니다."));
    }

    @Test
    void whenTheRecordCannotBeReadTheCitizenMayStillFileAlone() {
        GatewayStandIn.answer("GET", ME, r -> Answer.problem(503, "{\"status\":503}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.get("/my/move-in").then().statusCode(200)
                .body(containsString("id=\"movers-unavailable\""))
                .body(containsString("세대원 목록을 불러오지 못했습니다"));
    }
}
