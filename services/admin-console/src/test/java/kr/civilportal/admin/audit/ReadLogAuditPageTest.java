package kr.civilportal.admin.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 열람 기록 감사: the auditor's search reaches every service's read log with the same query, lists each service's
 * reads on its own, checks the search before asking anyone, and is open to auditors only.
 */
@QuarkusTest
class ReadLogAuditPageTest {

    static final String RESIDENCY = "/api/residency/v1/audit/record-reads";
    static final String PASSPORT = "/api/passport/v1/audit/record-reads";
    static final String LAND = "/api/land/v1/audit/record-reads";
    static final String EMERGENCY = "/api/emergency/v1/audit/record-reads";
    static final String REPORT = "119e0000-c0de-4000-8000-00000000b001";
    static final String APPLICATION = "7d3f0c1e-0000-4000-8000-00000000a001";

    @BeforeEach
    void logs() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", RESIDENCY, r -> Answer.json(200, "{\"reads\":[{\"record\":\"RESIDENT_RECORD\","
                + "\"recordId\":\"5e0b7a52-1c1d-4c9e-9f00-000000000001\",\"readAt\":\"2026-12-03T01:00:00Z\","
                + "\"official\":\"residency-officer\",\"role\":\"residency-officer\",\"action\":\"READ_RECORD\","
                + "\"reason\":\"전입 사실 조사\"}],\"truncated\":false}"));
        GatewayStandIn.answer("GET", PASSPORT, r -> Answer.json(200, "{\"reads\":[{\"record\":\"PASSPORT_PHOTO\","
                + "\"recordId\":\"" + APPLICATION + "\",\"readAt\":\"2026-12-04T02:30:00Z\",\"official\":\"passport-officer\","
                + "\"role\":\"passport-officer\",\"action\":\"READ_PHOTO\",\"reason\":\"본인 대조\"},"
                + "{\"record\":\"PASSPORT_PHOTO\",\"recordId\":\"" + APPLICATION + "\",\"readAt\":\"2026-12-04T02:00:00Z\","
                + "\"official\":\"passport-officer\",\"role\":\"passport-officer\",\"action\":\"SOMETHING_NEW\","
                + "\"reason\":\"새 기능\"}],\"truncated\":true}"));
        GatewayStandIn.answer("GET", LAND, r -> Answer.json(200, "{\"reads\":[{\"record\":\"LAND_OWNERS\","
                + "\"recordId\":\"1111010100100010000\",\"readAt\":\"2026-12-04T03:00:00Z\",\"official\":\"land-officer\","
                + "\"role\":\"land-officer\",\"action\":\"READ_OWNERS\",\"reason\":\"토지대장 조회\"}],\"truncated\":false}"));
        GatewayStandIn.answer("GET", EMERGENCY, r -> Answer.json(200, "{\"reads\":[{\"record\":\"CALLBACK_NUMBER\","
                + "\"recordId\":\"" + REPORT + "\",\"readAt\":\"2026-12-04T04:00:00Z\",\"official\":\"dispatcher\","
                + "\"role\":\"dispatcher\",\"action\":\"LIVE_BOARD\",\"reason\":\"실시간 상황판 수신\"}],"
                + "\"truncated\":false}"));
    }

    @Test
    void theAuditorFindsEachServicesReadsWithOneSearch() {
        String page = new PageSession(Tokens.of("auditor"))
                .get("/admin/audit?official=passport-officer&from=2026-12-01&to=2026-12-04").then().statusCode(200)
                .body(containsString("id=\"audit-residency\"")).body(containsString("id=\"audit-passport\""))
                .body(containsString("id=\"audit-land-registry\"")).body(containsString("1111010100100010000"))
                .body(containsString("토지 소유자 정보 열람"))
                .body(containsString("id=\"audit-emergency-report\"")).body(containsString(REPORT))
                .body(containsString("실시간 상황판 수신 (회신 번호)"))
                .body(containsString("전입 사실 조사")).body(containsString("주민등록 기록 열람"))
                .body(containsString("본인 대조")).body(containsString("여권 사진 열람")).body(containsString(APPLICATION))
                // 11:30 KST: the page shows Korean time.
                .body(containsString("2026-12-04 11:30"))
                // An action this console does not know yet is listed by its own name.
                .body(containsString("기타 (SOMETHING_NEW)"))
                .body(containsString("검색 결과가 많아"))
                .body(containsString("value=\"passport-officer\""))
                .extract().asString();
        assertTrue(page.indexOf("id=\"audit-residency\"") < page.indexOf("id=\"audit-passport\""));
        List<GatewayStandIn.Request> asked = searches();
        assertEquals(4, asked.size());
        for (GatewayStandIn.Request r : asked) {
            assertEquals("official=passport-officer&from=2026-12-01&to=2026-12-04", r.query(), r.path());
        }
    }

    @Test
    void aBadSearchIsSaidNextToItsFieldAndAsksNoService() {
        new PageSession(Tokens.of("auditor")).get("/admin/audit?from=2026-12-05&to=2026-12-04").then().statusCode(400)
                .body(containsString("id=\"from-error\"")).body(containsString("366일"))
                .body(not(containsString("id=\"audit-residency\"")));
        new PageSession(Tokens.of("auditor")).get("/admin/audit?to=어제").then().statusCode(400)
                .body(containsString("id=\"to-error\""));
        assertEquals(List.of(), searches());
    }

    @Test
    void aRecordIdGoesToEveryServiceWithTheRestOfTheSearch() {
        new PageSession(Tokens.of("auditor"))
                .get("/admin/audit?official=passport-officer&recordId=" + APPLICATION + "&from=2026-12-01&to=2026-12-04")
                .then().statusCode(200)
                .body(containsString("id=\"recordId\"")).body(containsString("value=\"" + APPLICATION + "\""))
                .body(containsString("기록 ID")).body(containsString("id=\"recordId-help\""));
        List<GatewayStandIn.Request> asked = searches();
        assertEquals(4, asked.size());
        assertEquals(Set.of(RESIDENCY, PASSPORT, LAND, EMERGENCY),
                asked.stream().map(GatewayStandIn.Request::path).collect(Collectors.toSet()));
        for (GatewayStandIn.Request r : asked) {
            assertEquals("official=passport-officer&recordId=" + APPLICATION + "&from=2026-12-01&to=2026-12-04",
                    r.query(), r.path());
        }
    }

    @Test
    void aRecordIdTooLongIsSaidInWordsAndAsksNoService() {
        new PageSession(Tokens.of("auditor"))
                .get("/admin/audit?recordId=" + "1".repeat(ReadLogSearch.RECORD_ID_MAX + 1)).then().statusCode(400)
                .body(containsString("id=\"recordId-error\"")).body(containsString("기록 ID는 100자 이내로"))
                .body(containsString("aria-invalid=\"true\""))
                .body(not(containsString("id=\"audit-residency\"")));
        assertEquals(List.of(), searches());
    }

    @Test
    void oneServiceDownHidesOnlyItsOwnPart() {
        GatewayStandIn.answer("GET", RESIDENCY, r -> Answer.problem(503, "{\"status\":503}"));
        new PageSession(Tokens.of("auditor")).get("/admin/audit").then().statusCode(200)
                .body(containsString("id=\"unavailable-audit-residency\""))
                .body(not(containsString("id=\"unavailable-audit-passport\"")))
                .body(not(containsString("id=\"unavailable-audit-land-registry\"")))
                .body(not(containsString("id=\"unavailable-audit-emergency-report\"")))
                .body(containsString("본인 대조"));
    }

    @Test
    void onlyAuditorsOpenItAndTheyDoNoCasework() {
        for (String official : new String[] {"residency-officer", "passport-officer", "admin", "citizen"}) {
            new PageSession(Tokens.of(official)).get("/admin/audit").then().statusCode(403)
                    .body(containsString("개인정보 열람 감사 담당자"));
        }
        PageSession auditor = new PageSession(Tokens.of("auditor"));
        auditor.get("/admin").then().statusCode(200)
                .body(containsString("href=\"/admin/audit\"")).body(containsString("href=\"/admin/system\""))
                .body(not(containsString("href=\"/admin/passports\""))).body(not(containsString("href=\"/admin/move-ins\"")));
        for (String page : new String[] {"/admin/move-ins", "/admin/passports", "/admin/land", "/admin/dispatch"}) {
            auditor.get(page).then().statusCode(403);
        }
        assertEquals(List.of(), searches());
    }

    private static List<GatewayStandIn.Request> searches() {
        return GatewayStandIn.received().stream().filter(r -> r.path().endsWith("/audit/record-reads")).toList();
    }
}
