package kr.civilportal.citizen.movein;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 보완 서류 (docs/supplement-documents.md) on a move-in report's page: the answer form is multipart with a labelled
 * file input and residency's limits next to it; the files chosen reach residency as parts with their bytes, names
 * and types (the empty part of a file input left alone does not); residency's refusal of a document is said at the
 * file input with the text kept; each round lists its documents, downloaded through citizen-web as residency sends
 * them.
 */
@QuarkusTest
class MoveInSupplementDocumentsPageTest {

    private static final UUID REPORT = UUID.fromString("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c5d");
    private static final UUID DOCUMENT = UUID.fromString("0d1e2f3a-4b5c-4d6e-8f70-0000000000aa");
    private static final String API = "/api/residency/v1/move-ins/" + REPORT;
    private static final String PAGE = "/my/petitions/move-in/" + REPORT;
    private static final String ANSWER = PAGE + "/supplement-answer";
    /** Bytes that start as a PDF does; residency, not this app, checks what a document is. */
    private static final String PDF = "%PDF-1.4 lease of 2026";
    private static final String ASKED = "{\"what\":\"임대차계약서 사본\",\"deadline\":\"2026-12-20\","
            + "\"requestedAt\":\"2026-12-06T01:00:00Z\",\"lapsed\":false}";
    private static final String ANSWERED_WITH_DOCUMENTS = "{\"what\":\"가족관계증명서\",\"deadline\":\"2026-12-10\","
            + "\"requestedAt\":\"2026-12-05T01:00:00Z\",\"answer\":\"첨부합니다\",\"answeredAt\":\"2026-12-05T02:00:00Z\","
            + "\"documents\":[{\"documentId\":\"" + DOCUMENT + "\",\"fileName\":\"가족관계.pdf\","
            + "\"mediaType\":\"application/pdf\",\"bytes\":48213},{\"documentId\":\"0d1e2f3a-4b5c-4d6e-8f70-0000000000bb\","
            + "\"fileName\":\"scan.png\",\"mediaType\":\"image/png\",\"bytes\":1000}]}";

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
    }

    private static String report(String status, String... supplements) {
        return "{\"id\":\"" + REPORT + "\",\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"" + status + "\","
                + "\"submittedAt\":\"2026-12-04T01:00:00Z\",\"officeName\":\"종로구청\","
                + "\"dueAt\":\"2026-12-08T10:00:00+09:00\",\"overdue\":false,\"supplements\":["
                + String.join(",", supplements) + "]}";
    }

    private static void asked() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, report("SUPPLEMENT_REQUESTED",
                ANSWERED_WITH_DOCUMENTS, ASKED)));
    }

    /** The answer form as a browser sends it: multipart, its hidden fields (CSRF token, key), the text, the files. */
    private static Response send(PageSession citizen, String page, String answer, Part... files) {
        Matcher form = Pattern.compile("<form[^>]*id=\"supplement-answer\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(form.find(), "the answer form: " + page);
        RequestSpecification spec = citizen.request().contentType("multipart/form-data");
        PageSession.hiddenFields(form.group(1)).forEach((name, value) -> spec.multiPart(text(name, value)));
        spec.multiPart(text("answer", answer));
        for (Part file : files) {
            spec.multiPart(new MultiPartSpecBuilder(file.bytes()).controlName("documents").fileName(file.name())
                    .mimeType(file.type()).build());
        }
        return spec.post(ANSWER);
    }

    private static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        // A field, not a file: no file name (REST Assured names every part "file" unless told).
        return new MultiPartSpecBuilder(value).controlName(name).emptyFileName().mimeType("text/plain")
                .charset(StandardCharsets.UTF_8).build();
    }

    private record Part(String name, String type, byte[] bytes) {
    }

    private static List<GatewayStandIn.Request> answersSent() {
        return GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(API + "/supplement-answer")).toList();
    }

    @Test
    void theAnswerFormTakesDocumentsWithTheLimitsWrittenByTheInput() {
        asked();
        String page = new PageSession(Tokens.of("citizen")).get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"supplement-answer\" enctype=\"multipart/form-data\""), page);
        assertTrue(page.contains("<label for=\"documents\">보완 서류 (선택)</label>"), "the file input's label");
        assertTrue(page.contains("<input type=\"file\" id=\"documents\" name=\"documents\" multiple "
                + "accept=\".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png\""), page);
        assertTrue(page.contains("최대 3개, 각 2MB 이하, PDF·JPG·PNG"), "the limits next to the input");
        assertTrue(page.contains("aria-describedby=\"documents-help\""), "the limits read with the input");
    }

    @Test
    void aChosenFileReachesResidencyWithItsBytesNameAndTypeAndAnEmptyInputIsNotSent() {
        asked();
        GatewayStandIn.answer("POST", API + "/supplement-answer", r -> Answer.json(200, report("SUBMITTED",
                ANSWERED_WITH_DOCUMENTS)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        String key = PageSession.hiddenFields(page).get("idempotencyKey");

        send(citizen, page, "계약서를 첨부합니다", new Part("lease.pdf", "application/pdf",
                PDF.getBytes(StandardCharsets.UTF_8)), new Part("", "application/octet-stream", new byte[0]))
                .then().log().ifValidationFails().statusCode(303).header("Location", endsWith(PAGE + "?answered=true"));

        List<GatewayStandIn.Request> sent = answersSent();
        assertEquals(1, sent.size());
        GatewayStandIn.Request forwarded = sent.get(0);
        assertTrue(forwarded.header("Content-Type").startsWith("multipart/form-data"), forwarded.header("Content-Type"));
        assertEquals(key, forwarded.header("Idempotency-Key"), "the form's key, so a resend is one answer");
        String body = forwarded.body();
        assertTrue(body.contains("name=\"answer\""), body);
        assertTrue(body.contains("계약서를 첨부합니다"), body);
        assertTrue(body.contains("name=\"documents\"; filename=\"lease.pdf\""), body);
        assertTrue(body.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/pdf"), body);
        assertTrue(body.contains(PDF), "the file's bytes: " + body);
        assertEquals(1, body.split("name=\"documents\"", -1).length - 1, "the empty file input is not a document");
    }

    @Test
    void residencysLimitsPassThroughThisApp() {
        asked();
        GatewayStandIn.answer("POST", API + "/supplement-answer", r -> Answer.json(200, report("SUBMITTED",
                ANSWERED_WITH_DOCUMENTS)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) 'a');
        send(citizen, page, "세 가지 서류", new Part("a.pdf", "application/pdf", twoMegabytes),
                new Part("b.jpg", "image/jpeg", twoMegabytes), new Part("c.png", "image/png", twoMegabytes))
                .then().log().ifValidationFails().statusCode(303);
        String body = answersSent().get(0).body();
        assertEquals(3, body.split("name=\"documents\"", -1).length - 1, "three documents of 2 MB each");
        assertTrue(body.length() > 3 * twoMegabytes.length, "whole");
    }

    @Test
    void withNoFileChosenTheAnswerGoesAsBefore() {
        asked();
        GatewayStandIn.answer("POST", API + "/supplement-answer", r -> Answer.json(200, report("SUBMITTED",
                ANSWERED_WITH_DOCUMENTS)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        // A long answer in Korean (3 bytes a character) still fits what the page takes as a form's field.
        String longAnswer = "가".repeat(1000);
        send(citizen, page, longAnswer, new Part("", "application/octet-stream", new byte[0]))
                .then().log().ifValidationFails().statusCode(303);
        List<GatewayStandIn.Request> sent = answersSent();
        assertEquals(1, sent.size());
        assertEquals("{\"answer\":\"" + longAnswer + "\"}", sent.get(0).body());
    }

    @Test
    void residencysRefusalOfADocumentIsSaidAtTheFileInputWithTheTextKept() {
        asked();
        GatewayStandIn.answer("POST", API + "/supplement-answer", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,\"errors\":[{\"field\":"
                        + "\"documents[0]\",\"detail\":\"Only PDF, JPEG or PNG documents are taken.\",\"detailKo\":"
                        + "\"PDF, JPEG, PNG 파일만 받습니다.\"}]}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        String again = send(citizen, page, "계약서입니다", new Part("lease.pdf", "application/pdf",
                "not a pdf at all".getBytes(StandardCharsets.UTF_8)))
                .then().statusCode(400).extract().asString();
        assertTrue(again.contains("<p class=\"form-hint-invalid\" id=\"documents-error\">PDF, JPEG, PNG 파일만 받습니다.</p>"),
                again);
        assertTrue(again.contains("aria-describedby=\"documents-help documents-error\" aria-invalid=\"true\""), again);
        assertTrue(again.contains(">계약서입니다</textarea>"), "the text typed is kept");
    }

    @Test
    void eachRoundListsItsDocumentsAndADownloadGivesResidencysBytesAndHeaders() {
        asked();
        GatewayStandIn.answer("GET", API + "/supplement-documents/" + DOCUMENT, r -> new Answer(200, Map.of(
                "Content-Type", "application/pdf",
                "Content-Disposition", "attachment; filename*=UTF-8''%EA%B0%80%EC%A1%B1%EA%B4%80%EA%B3%84.pdf"), PDF));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h3 id=\"supplement-0-documents-title\">1차 보완: 가족관계증명서</h3>"), page);
        String link = PAGE + "/supplement-documents/" + DOCUMENT;
        assertTrue(page.contains("<li id=\"supplement-0-document-0\"><a href=\"" + link + "\">가족관계.pdf 내려받기</a> "
                + "(application/pdf, 48KB)</li>"), page);
        assertTrue(page.contains("scan.png 내려받기</a> (image/png, 1KB)"), "every document of the round");
        assertFalse(page.contains("id=\"supplement-1-documents\""), "the open round has none yet");

        citizen.get(link).then().statusCode(200)
                .header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%EA%B0%80%EC%A1%B1%EA%B4%80%EA%B3%84.pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body(equalTo(PDF));
        GatewayStandIn.Request read = GatewayStandIn.received().stream()
                .filter(r -> r.path().equals(API + "/supplement-documents/" + DOCUMENT)).findFirst().orElseThrow();
        assertTrue(read.header("Authorization").startsWith("Bearer "), "read with the citizen's token");
    }

    @Test
    void aDocumentResidencyDoesNotGiveIsThePagesNotFound() {
        asked();
        UUID another = UUID.fromString("0d1e2f3a-4b5c-4d6e-8f70-0000000000cc");
        citizenGets(PAGE + "/supplement-documents/" + another).then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("민원을 찾을 수 없습니다."));
    }

    private static Response citizenGets(String path) {
        return new PageSession(Tokens.of("citizen")).get(path);
    }
}
