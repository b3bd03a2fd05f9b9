package kr.civilportal.citizen.petitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 나의 민원 lists the documents issued to the citizen, each service's on its own, with their downloads. */
@QuarkusTest
class DashboardDocumentsTest {

    private static final String CERTIFICATE = "1234-5678-9012-3452";
    private static final String EXTRACT = "2345-6789-0123-4563";

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/mine", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/certificates", r -> Answer.json(200, "[{\"issuanceNumber\":\""
                + CERTIFICATE + "\",\"kind\":\"HOUSEHOLD\",\"issuedAt\":\"2026-11-20T10:00:00+09:00\"}]"));
    }

    @Test
    void certificatesAndExtractsAreListedWithTheirDownloads() {
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.json(200, "[{\"issuanceNumber\":\"" + EXTRACT
                + "\",\"issuedAt\":\"2026-11-21T10:00:00+09:00\",\"pnu\":\"1111010100100010000\","
                + "\"address\":\"서울특별시 종로구 청운동 1\",\"contentHash\":\"ab\",\"pdf\":\"/x\"}]"));

        String page = dashboard();

        String certificates = section(page, "documents-residency");
        assertTrue(certificates.contains(CERTIFICATE), certificates);
        assertTrue(certificates.contains("href=\"/my/certificates/" + CERTIFICATE + "/pdf\""), certificates);
        String extracts = section(page, "documents-land-registry");
        assertTrue(extracts.contains("토지대장 등본 (서울특별시 종로구 청운동 1)"), extracts);
        assertTrue(extracts.contains("href=\"/my/land/extracts/" + EXTRACT + "/pdf\""), extracts);
        assertTrue(extracts.contains("2026"), "when it was issued: " + extracts);
    }

    @Test
    void landDownShowsItsPanelWhileTheCertificatesAreStillListed() {
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.problem(503, "{}"));

        String page = dashboard();

        assertTrue(section(page, "documents-land-registry").contains("id=\"unavailable-documents-land-registry\""), page);
        assertTrue(section(page, "documents-residency").contains(CERTIFICATE), page);
        assertFalse(section(page, "documents-residency").contains("id=\"unavailable"), page);
    }

    /** Found by the browser tests' HTML check: residency down showed two panels with one id. */
    @Test
    void residencyDownShowsAPanelInEachOfItsPartsWithIdsOfTheirOwn() {
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.problem(503, "{}"));
        GatewayStandIn.answer("GET", "/api/residency/v1/certificates", r -> Answer.problem(503, "{}"));
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.json(200, "[]"));

        String page = dashboard();

        assertEquals(1, occurrences(page, "id=\"unavailable-residency\""), page);
        assertTrue(section(page, "documents-residency").contains("id=\"unavailable-documents-residency\""), page);
    }

    /** Two petitions sections down at once showed one id twice (noticed at stop 37). */
    @Test
    void residencyAndPassportDownAtOnceShowPanelsWithIdsOfTheirOwn() {
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.problem(503, "{}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/mine", r -> Answer.problem(503, "{}"));

        String page = dashboard();

        assertEquals(1, occurrences(page, "id=\"unavailable-residency\""), page);
        assertEquals(1, occurrences(page, "id=\"unavailable-passport\""), page);
        assertEquals(0, occurrences(page, "id=\"unavailable\""), page);
    }

    private static int occurrences(String page, String text) {
        return page.split(Pattern.quote(text), -1).length - 1;
    }

    @Test
    void aCitizenWithNothingIssuedIsToldSo() {
        GatewayStandIn.answer("GET", "/api/residency/v1/certificates", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.json(200, "[]"));

        String page = dashboard();

        assertTrue(section(page, "documents-residency").contains("발급받은 문서가 없습니다."), page);
        assertTrue(section(page, "documents-land-registry").contains("발급받은 문서가 없습니다."), page);
    }

    private static String dashboard() {
        return new PageSession(Tokens.of("citizen")).get("/my").then().statusCode(200).extract().asString();
    }

    /** The markup of one section of the page, from its opening tag to its end. */
    private static String section(String page, String id) {
        int start = page.indexOf("<section aria-labelledby=\"" + id + "-title\" id=\"" + id + "\">");
        assertTrue(start >= 0, "the page has section " + id + ": " + page);
        return page.substring(start, page.indexOf("</section>", start));
    }
}
