package kr.civilportal.admin.residency;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 보완 서류 (docs/supplement-documents.md) as a residency officer meets them in the move-in queue: each answered
 * round lists the documents its filer sent (name, type, size) with a download through the console, which gives
 * residency's bytes and headers read with the officer's token; a document residency does not give is a 404.
 */
@QuarkusTest
class MoveInSupplementDocumentsTest {

    private static final String API = "/api/residency/v1/officer/move-ins";
    private static final UUID REPORT = UUID.fromString("7b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    private static final UUID DOCUMENT = UUID.fromString("0d1e2f3a-4b5c-4d6e-8f70-0000000000aa");
    private static final String JPEG = "JFIF photo of the lease";

    @BeforeEach
    void queue() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, "[{\"id\":\"" + REPORT + "\",\"residentId\":\""
                + UUID.randomUUID() + "\",\"residentName\":\"김지민\",\"mode\":\"NEW_HOUSEHOLD\","
                + "\"relationToHead\":\"HEAD\",\"address\":\"서울특별시 종로구 세종대로 209\",\"movedInOn\":\"2026-12-03\","
                + "\"status\":\"SUBMITTED\",\"submittedAt\":\"2026-12-03T09:00:00+09:00\",\"officeName\":\"종로구청\","
                + "\"dueAt\":\"2026-12-09T18:00:00+09:00\",\"overdue\":false,\"supplements\":["
                + "{\"what\":\"가족관계증명서\",\"deadline\":\"2026-12-10\",\"requestedAt\":\"2026-12-04T01:00:00Z\","
                + "\"requestedBy\":\"residency-officer\",\"answer\":\"보냈습니다\",\"answeredAt\":\"2026-12-04T02:00:00Z\","
                + "\"documents\":[]},"
                + "{\"what\":\"임대차계약서 사본\",\"deadline\":\"2026-12-20\",\"requestedAt\":\"2026-12-05T01:00:00Z\","
                + "\"requestedBy\":\"residency-officer\",\"answer\":\"첨부합니다\",\"answeredAt\":\"2026-12-06T01:00:00Z\","
                + "\"documents\":[{\"documentId\":\"" + DOCUMENT + "\",\"fileName\":\"계약서.jpg\",\"mediaType\":"
                + "\"image/jpeg\",\"bytes\":204800},{\"documentId\":\"0d1e2f3a-4b5c-4d6e-8f70-0000000000bb\","
                + "\"fileName\":\"lease.pdf\",\"mediaType\":\"application/pdf\",\"bytes\":48213}]}]}]"));
    }

    @Test
    void eachAnsweredRoundListsItsDocumentsWithTheirDownloads() {
        String page = new PageSession(Tokens.of("residency-officer")).get("/admin/move-ins").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<dt>2차 보완 서류</dt>"), page);
        assertTrue(page.contains("<li id=\"document-" + REPORT + "-1-0\"><a href=\"/admin/move-ins/" + REPORT
                + "/supplement-documents/" + DOCUMENT + "\">계약서.jpg 내려받기</a> (image/jpeg, 200KB)</li>"), page);
        assertTrue(page.contains("lease.pdf 내려받기</a> (application/pdf, 48KB)"), "every document of the round");
        assertFalse(page.contains("1차 보완 서류"), "a round answered without documents lists none");
    }

    @Test
    void aDownloadGivesResidencysBytesAndHeadersReadWithTheOfficersToken() {
        GatewayStandIn.answer("GET", API + "/" + REPORT + "/supplement-documents/" + DOCUMENT, r -> new Answer(200,
                Map.of("Content-Type", "image/jpeg", "Content-Disposition",
                        "attachment; filename*=UTF-8''%EA%B3%84%EC%95%BD%EC%84%9C.jpg"), JPEG));
        new PageSession(Tokens.of("residency-officer"))
                .get("/admin/move-ins/" + REPORT + "/supplement-documents/" + DOCUMENT).then().statusCode(200)
                .header("Content-Type", "image/jpeg")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%EA%B3%84%EC%95%BD%EC%84%9C.jpg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body(equalTo(JPEG));
        GatewayStandIn.Request read = GatewayStandIn.received().stream()
                .filter(r -> r.path().endsWith("/supplement-documents/" + DOCUMENT)).findFirst().orElseThrow();
        assertTrue(read.header("Authorization").startsWith("Bearer "), "read with the officer's token");
    }

    @Test
    void aDocumentOfAnotherOfficeIsNotFound() {
        new PageSession(Tokens.of("residency-officer"))
                .get("/admin/move-ins/" + REPORT + "/supplement-documents/" + UUID.randomUUID()).then().statusCode(404)
                .body(containsString("보완 서류를 찾을 수 없습니다"));
    }
}
