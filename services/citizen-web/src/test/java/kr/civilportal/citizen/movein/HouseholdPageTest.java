package kr.civilportal.citizen.movein;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 우리 세대: the citizen's household from their own record (address, members as a 등본 lists them, numbers masked as
 * residency sends them, their own row marked), none said plainly, a silent residency the page's 503.
 * 세대 합가 동의: the head sees who asks (masked) and consents or declines; the asker follows their request and
 * may withdraw it. Each button is one write to residency, carrying the page's Idempotency-Key.
 */
@QuarkusTest
class HouseholdPageTest {

    private static final String REQUESTS = "/api/residency/v1/household/join-requests";
    private static final String MOVE_INS = "/api/residency/v1/move-ins";
    private static final String REQUEST = "3f0e1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private static final String OWN = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
    private static final String ME = "/api/residency/v1/me";
    private static final String HEAD = "5e0b7a52-1c1d-4c9e-9f00-000000000001";
    private static final String SPOUSE = "5e0b7a52-1c1d-4c9e-9f00-000000000003";
    private static final String CHILD = "5e0b7a52-1c1d-4c9e-9f00-000000000004";
    private static final String ADDRESS = "서울특별시 종로구 세종대로 209 (세종로), 101동 1203호";
    /** A full registration number: 13 digits, with or without the hyphen. */
    private static final Pattern FULL_NUMBER = Pattern.compile("\\d{6}-?[1-8]\\d{6}");

    /** The citizen's record as residency answers it, signed in as {@code me}; numbers as residency masks them. */
    static String record(String me, String spouseNumber) {
        return """
                {"residentId":"%s","name":"x","residentRegistrationNumber":"880702-1******","birthDate":"1988-07-02",
                 "address":"%s","household":{"id":"8d3f0c11-7a2b-4f60-b1a0-000000000001","address":"%s","members":[
                 {"residentId":"%s","name":"김지민","relationToHead":"HEAD","residentRegistrationNumber":"900315-2******"},
                 {"residentId":"%s","name":"박준호","relationToHead":"SPOUSE","residentRegistrationNumber":"%s"},
                 {"residentId":"%s","name":"박하린","relationToHead":"CHILD","residentRegistrationNumber":"150921-4******"}]}}"""
                .formatted(me, ADDRESS, ADDRESS, HEAD, SPOUSE, spouseNumber, CHILD);
    }

    /** Row {@code n} of the members' table, from its id to its end. */
    private static String row(String page, int n) {
        int start = page.indexOf("id=\"household-member-" + n + "\"");
        assertTrue(start >= 0, "no row " + n + ": " + page);
        return page.substring(start, page.indexOf("</tr>", start));
    }

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
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, record(SPOUSE, "880702-1******")));
    }

    @Test
    void theCitizenSeesTheirHouseholdAsTheCertificateListsIt() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/household").then().statusCode(200)
                .body(containsString("id=\"household-members\""))
                .body(containsString("우리 세대"))
                .body(containsString(ADDRESS))
                .body(not(containsString("id=\"household-none\"")))
                .extract().asString();
        // At the top: before the requests to join.
        assertTrue(page.indexOf("id=\"household-members\"") < page.indexOf("id=\"join-requests\""), page);
        assertTrue(page.contains("<caption>세대 구성원</caption>") && page.contains("<th scope=\"col\">주민등록번호</th>"),
                page);

        String head = row(page, 0);
        assertTrue(head.contains("김지민") && head.contains("세대주") && head.contains("900315-2******"), head);
        assertFalse(head.contains("(본인)"), head);
        String spouse = row(page, 1);
        assertTrue(spouse.contains("박준호") && spouse.contains("배우자") && spouse.contains("880702-1******"), spouse);
        assertTrue(spouse.contains("(본인)"), "the signed-in citizen's own row: " + spouse);
        String child = row(page, 2);
        assertTrue(child.contains("박하린") && child.contains("자녀") && child.contains("150921-4******"), child);
        assertFalse(child.contains("(본인)"), child);
        assertFalse(page.contains("id=\"household-member-3\""), page);
        assertEquals(1, page.split("\\(본인\\)", -1).length - 1, "one own row");
        assertFalse(FULL_NUMBER.matcher(page).find(), "no full registration number: " + page);

        citizen.cookies().put("lang", "en");
        String english = citizen.get("/my/household").then().statusCode(200)
                .body(containsString("My household")).extract().asString();
        assertTrue(row(english, 0).contains("Head of household"), row(english, 0));
        assertTrue(row(english, 1).contains("Spouse") && row(english, 1).contains("(you)"), row(english, 1));
        assertTrue(row(english, 2).contains("Child"), row(english, 2));
    }

    @Test
    void aNumberResidencyFailedToMaskIsShownMaskedAllTheSame() {
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, record(HEAD, "880702-1234564")));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/household").then().statusCode(200).extract().asString();
        assertFalse(page.contains("1234564"), page);
        assertFalse(FULL_NUMBER.matcher(page).find(), page);
        assertTrue(row(page, 1).contains("880702-1******"), row(page, 1));
        assertTrue(row(page, 0).contains("(본인)"), "the head's own row: " + row(page, 0));
    }

    @Test
    void aCitizenWithoutAHouseholdIsToldSo() {
        GatewayStandIn.answer("GET", ME, r -> Answer.problem(404, "{\"type\":\"urn:civilportal:problem:not-found\","
                + "\"status\":404,\"detail\":\"No resident record is linked to your account.\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.get("/my/household").then().statusCode(200)
                .body(containsString("id=\"household-members\""))
                .body(containsString("<p id=\"household-none\">등록된 세대가 없습니다.</p>"))
                .body(not(containsString("id=\"household-member-0\"")))
                .body(containsString("id=\"consent-" + REQUEST + "\""));

        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, "{\"residentId\":\"" + HEAD + "\",\"household\":null}"));
        citizen.get("/my/household").then().statusCode(200).body(containsString("id=\"household-none\""));
    }

    @Test
    void aSilentResidencyShowsTheUnavailablePage() {
        GatewayStandIn.answer("GET", ME, r -> Answer.problem(503,
                "{\"type\":\"urn:civilportal:problem:service-unavailable\",\"status\":503}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.get("/my/household").then().statusCode(503)
                .body(containsString("id=\"unavailable\""))
                .body(not(containsString("id=\"household-members\"")))
                .body(not(containsString("박준호")))
                .body(not(containsString("join-requests")));
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
