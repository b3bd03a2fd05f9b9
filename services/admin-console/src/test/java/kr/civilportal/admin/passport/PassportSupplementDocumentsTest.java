package kr.civilportal.admin.passport;

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
 * 보완 제출 with text and documents (docs/supplement-documents.md, "Passport") as a passport officer meets it on the
 * application's page: each round of 보완 says what was asked and what the applicant sent (text, or none; documents by
 * name, type and size) with a download through the console, which gives passport's bytes and headers read with the
 * officer's token; a document passport does not give is a 404.
 */
@QuarkusTest
class PassportSupplementDocumentsTest {

    private static final String API = "/api/passport/v1/applications/";
    private static final UUID APPLICATION = UUID.fromString("8c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e");
    private static final UUID DOCUMENT = UUID.fromString("5e2f3a4b-6c7d-4e8f-9a0b-0000000000aa");
    private static final String PAGE = "/admin/passports/" + APPLICATION;
    private static final String PDF = "%PDF-1.4 family relation certificate";

    @BeforeEach
    void application() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", API + APPLICATION, r -> Answer.json(200, "{\"id\":\"" + APPLICATION
                + "\",\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"status\":\"UNDER_REVIEW\","
                + "\"submittedAt\":\"2026-12-01T01:00:00Z\",\"fee\":{\"totalKrw\":53000},\"identityCheck\":\"VERIFIED\","
                + "\"history\":[{\"to\":\"SUBMITTED\",\"at\":\"2026-12-01T01:00:00Z\"}],\"supplements\":["
                + "{\"requestedAt\":\"2026-12-02T01:00:00Z\",\"reason\":\"사진 배경이 흰색이 아닙니다\","
                + "\"supplementDeadline\":\"2026-12-10\",\"answeredAt\":\"2026-12-02T05:00:00Z\",\"answer\":null,"
                + "\"documents\":[]},"
                + "{\"requestedAt\":\"2026-12-03T01:00:00Z\",\"reason\":\"가족관계증명서 필요\","
                + "\"supplementDeadline\":\"2026-12-12\",\"answeredAt\":\"2026-12-03T05:00:00Z\",\"answer\":\"첨부합니다\","
                + "\"documents\":[{\"documentId\":\"" + DOCUMENT + "\",\"fileName\":\"가족관계.pdf\","
                + "\"mediaType\":\"application/pdf\",\"bytes\":48213},{\"documentId\":\"5e2f3a4b-6c7d-4e8f-9a0b-0000000000bb\","
                + "\"fileName\":\"scan.png\",\"mediaType\":\"image/png\",\"bytes\":204800}]},"
                + "{\"requestedAt\":\"2026-12-04T01:00:00Z\",\"reason\":\"서명 누락\",\"supplementDeadline\":\"2026-12-20\","
                + "\"answeredAt\":null,\"answer\":null,\"documents\":[]}]}"));
    }

    @Test
    void eachRoundSaysWhatWasAskedAndWhatWasSentWithTheDocumentsDownloads() {
        String page = new PageSession(Tokens.of("passport-officer")).get(PAGE).then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("<section id=\"supplement-answers\""), page);
        assertTrue(page.contains("<h3 id=\"supplement-1-title\">2차 보완</h3>"), page);
        assertTrue(page.contains("<dd id=\"supplement-1-reason\">가족관계증명서 필요"), "what was asked: " + page);
        assertTrue(page.contains("<dd id=\"supplement-1-answer\">첨부합니다</dd>"), page);
        assertTrue(page.contains("<li id=\"supplement-1-document-0\"><a href=\"" + PAGE + "/supplement-documents/" + DOCUMENT
                + "\">가족관계.pdf 내려받기</a> (application/pdf, 48KB)</li>"), page);
        assertTrue(page.contains("<li id=\"supplement-1-document-1\">") && page.contains("scan.png 내려받기</a> (image/png, 200KB)"),
                "every document of the round");
        assertTrue(page.contains("<dd id=\"supplement-0-answer\">내용 없이 제출했습니다.</dd>"), "answered without text");
        assertFalse(page.contains("id=\"supplement-0-document-0\""), "a round without documents lists none");
        assertTrue(page.contains("<dd id=\"supplement-2-unanswered\">아직 보완 제출이 없습니다.</dd>"), page);
        assertFalse(page.contains("id=\"supplement-2-answer\""), page);
    }

    @Test
    void aDownloadGivesPassportsBytesAndHeadersReadWithTheOfficersToken() {
        GatewayStandIn.answer("GET", API + APPLICATION + "/supplement-documents/" + DOCUMENT, r -> new Answer(200,
                Map.of("Content-Type", "application/pdf", "Content-Disposition",
                        "attachment; filename*=UTF-8''%EA%B0%80%EC%A1%B1%EA%B4%80%EA%B3%84.pdf"), PDF));
        new PageSession(Tokens.of("passport-officer"))
                .get(PAGE + "/supplement-documents/" + DOCUMENT).then().statusCode(200)
                .header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%EA%B0%80%EC%A1%B1%EA%B4%80%EA%B3%84.pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body(equalTo(PDF));
        GatewayStandIn.Request read = GatewayStandIn.received().stream()
                .filter(r -> r.path().equals(API + APPLICATION + "/supplement-documents/" + DOCUMENT)).findFirst()
                .orElseThrow();
        assertTrue(read.header("Authorization").startsWith("Bearer "), "read with the officer's token");
    }

    @Test
    void aDocumentOfAnotherOfficeIsNotFound() {
        new PageSession(Tokens.of("passport-officer"))
                .get(PAGE + "/supplement-documents/" + UUID.randomUUID()).then().statusCode(404)
                .body(containsString("보완 서류를 찾을 수 없습니다"));
    }

    @Test
    void anApplicationWithoutSupplementsShowsNoSuchSection() {
        GatewayStandIn.answer("GET", API + APPLICATION, r -> Answer.json(200, "{\"id\":\"" + APPLICATION
                + "\",\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"status\":\"SUBMITTED\","
                + "\"submittedAt\":\"2026-12-01T01:00:00Z\",\"fee\":{\"totalKrw\":53000},\"identityCheck\":\"VERIFIED\","
                + "\"history\":[{\"to\":\"SUBMITTED\",\"at\":\"2026-12-01T01:00:00Z\"}]}"));
        String page = new PageSession(Tokens.of("passport-officer")).get(PAGE).then().statusCode(200).extract()
                .asString();
        assertFalse(page.contains("supplement-answers"), page);
    }
}
