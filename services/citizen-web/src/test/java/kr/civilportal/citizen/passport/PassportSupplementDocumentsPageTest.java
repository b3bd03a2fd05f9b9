package kr.civilportal.citizen.passport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 보완 제출 with text and documents (docs/supplement-documents.md, "Passport") on an application's page: the form is
 * multipart with an optional labelled text and a labelled file input with passport's limits next to it; what the
 * citizen typed and chose reaches passport as multipart parts under the form's key; passport's refusals are said at
 * the field they name with the text kept, its 409 as the page's message; the answered rounds are listed with their
 * documents, downloaded through citizen-web as passport sends them.
 */
@QuarkusTest
class PassportSupplementDocumentsPageTest {

    private static final UUID APPLICATION = UUID.fromString("4d1e2f30-1a2b-4c3d-8e4f-5a6b7c8d9e02");
    private static final UUID DOCUMENT = UUID.fromString("5e2f3a4b-6c7d-4e8f-9a0b-0000000000aa");
    private static final String API = "/api/passport/v1/applications/" + APPLICATION;
    private static final String PAGE = "/my/petitions/passport/" + APPLICATION;
    private static final String RESUBMISSION = PAGE + "/resubmission";
    /** Bytes that start as a PDF does; passport, not this app, checks what a document is. */
    private static final String PDF = "%PDF-1.4 family relation certificate";
    private static final String ANSWERED = "{\"requestedAt\":\"2026-12-02T01:00:00Z\",\"reason\":\"가족관계증명서 필요\","
            + "\"supplementDeadline\":\"2026-12-10\",\"answeredAt\":\"2026-12-02T05:00:00Z\",\"answer\":\"첨부합니다\","
            + "\"documents\":[{\"documentId\":\"" + DOCUMENT + "\",\"fileName\":\"가족관계.pdf\","
            + "\"mediaType\":\"application/pdf\",\"bytes\":48213},{\"documentId\":\"5e2f3a4b-6c7d-4e8f-9a0b-0000000000bb\","
            + "\"fileName\":\"scan.png\",\"mediaType\":\"image/png\",\"bytes\":1000}]}";
    private static final String ANSWERED_WITHOUT_TEXT = "{\"requestedAt\":\"2026-12-03T01:00:00Z\",\"reason\":\"사진 다시\","
            + "\"supplementDeadline\":\"2026-12-12\",\"answeredAt\":\"2026-12-03T05:00:00Z\",\"answer\":null,"
            + "\"documents\":[]}";
    private static final String ASKED = "{\"requestedAt\":\"2026-12-04T01:00:00Z\",\"reason\":\"사진 배경이 흰색이 아닙니다\","
            + "\"supplementDeadline\":\"2026-12-20\",\"answeredAt\":null,\"answer\":null,\"documents\":[]}";

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
    }

    private static String application(String status, String... supplements) {
        return "{\"id\":\"" + APPLICATION + "\",\"kind\":\"NEW\",\"status\":\"" + status + "\","
                + "\"submittedAt\":\"2026-12-01T01:00:00Z\",\"history\":["
                + "{\"to\":\"SUBMITTED\",\"at\":\"2026-12-01T01:00:00Z\"},"
                + "{\"to\":\"SUPPLEMENT_REQUESTED\",\"at\":\"2026-12-04T01:00:00Z\",\"reason\":\"사진 배경이 흰색이 아닙니다\","
                + "\"supplementDeadline\":\"2026-12-20\"}],\"supplements\":[" + String.join(",", supplements) + "]}";
    }

    private static void asked() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("SUPPLEMENT_REQUESTED", ANSWERED,
                ANSWERED_WITHOUT_TEXT, ASKED)));
    }

    /** The 보완 제출 form as a browser sends it: multipart, its hidden fields (CSRF token, key), the text, the files. */
    private static Response send(PageSession citizen, String page, String answer, Part... files) {
        Matcher form = Pattern.compile("<form[^>]*id=\"resubmit\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
        assertTrue(form.find(), "the 보완 제출 form: " + page);
        // As a browser sends a file's name: its UTF-8 bytes (REST Assured's default mode writes ASCII, "????.pdf").
        RequestSpecification spec = citizen.request().contentType("multipart/form-data")
                .config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)));
        PageSession.hiddenFields(form.group(1)).forEach((name, value) -> spec.multiPart(text(name, value)));
        spec.multiPart(text("answer", answer));
        for (Part file : files) {
            spec.multiPart(new MultiPartSpecBuilder(file.bytes()).controlName("documents").fileName(file.name())
                    .mimeType(file.type()).build());
        }
        return spec.post(RESUBMISSION);
    }

    private static MultiPartSpecification text(String name, String value) {
        // A field, not a file: no file name (REST Assured names every part "file" unless told).
        return new MultiPartSpecBuilder(value).controlName(name).emptyFileName().mimeType("text/plain")
                .charset(StandardCharsets.UTF_8).build();
    }

    private record Part(String name, String type, byte[] bytes) {
    }

    private static List<GatewayStandIn.Request> resubmissionsSent() {
        return GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(API + "/resubmission")).toList();
    }

    private static String page(PageSession citizen) {
        return citizen.get(PAGE).then().statusCode(200).extract().asString();
    }

    @Test
    void theFormIsMultipartWithAnOptionalLabelledTextAndTheDocumentsWithTheirLimits() {
        asked();
        String page = page(new PageSession(Tokens.of("citizen")));
        assertTrue(page.contains("action=\"" + RESUBMISSION), page);
        assertTrue(page.contains("id=\"resubmit\" enctype=\"multipart/form-data\" novalidate data-keep>"), page);
        assertTrue(page.contains("<label for=\"answer\">보완 내용 (선택)</label>"), "the text's label: " + page);
        assertTrue(page.contains("<textarea class=\"krds-input\" id=\"answer\" name=\"answer\" rows=\"4\" maxlength=\"1000\""),
                page);
        assertFalse(page.contains("name=\"answer\" rows=\"4\" maxlength=\"1000\" required"), "the text is optional");
        assertTrue(page.contains("aria-describedby=\"answer-help\""), "the hint read with the text");
        assertTrue(page.contains("<label for=\"documents\">보완 서류 (선택)</label>"), "the file input's label");
        assertTrue(page.contains("<input type=\"file\" id=\"documents\" name=\"documents\" multiple "
                + "accept=\".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png\""), page);
        assertTrue(page.contains("<p class=\"form-hint\" id=\"documents-help\">") && page.contains("최대 3개, 각 2MB 이하, PDF·JPG·PNG"),
                "passport's limits next to the input");
        assertTrue(page.contains("aria-describedby=\"documents-help\""), "the limits read with the input");
        assertTrue(page.contains("<button type=\"submit\" class=\"krds-btn primary\" id=\"resubmit-submit\">보완 제출</button>"),
                page);
    }

    @Test
    void theTextAndTheChosenFilesReachPassportAsMultipartUnderTheFormsKey() {
        asked();
        GatewayStandIn.answer("POST", API + "/resubmission", r -> Answer.json(200, application("UNDER_REVIEW",
                ANSWERED)));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = page(citizen);
        Matcher form = Pattern.compile("<form[^>]*id=\"resubmit\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
        assertTrue(form.find());
        String key = PageSession.hiddenFields(form.group(1)).get("idempotencyKey");

        send(citizen, page, "  새 사진을 올리고 증명서를 첨부합니다 ", new Part("가족관계.pdf", "application/pdf",
                PDF.getBytes(StandardCharsets.UTF_8)), new Part("", "application/octet-stream", new byte[0]))
                .then().log().ifValidationFails().statusCode(303).header("Location", endsWith(PAGE + "?resubmitted=true"));

        List<GatewayStandIn.Request> sent = resubmissionsSent();
        assertEquals(1, sent.size());
        GatewayStandIn.Request forwarded = sent.get(0);
        assertTrue(forwarded.header("Content-Type").startsWith("multipart/form-data"), forwarded.header("Content-Type"));
        assertEquals(key, forwarded.header("Idempotency-Key"), "the form's key, so a resend is one 보완 제출");
        String body = forwarded.body();
        assertTrue(body.contains("name=\"answer\""), body);
        assertTrue(body.contains("새 사진을 올리고 증명서를 첨부합니다\r\n"), "the text, trimmed: " + body);
        assertTrue(body.contains("name=\"documents\"; filename=\"가족관계.pdf\""), body);
        assertTrue(body.toLowerCase(Locale.ROOT).contains("content-type: application/pdf"), body);
        assertTrue(body.contains(PDF), "the file's bytes: " + body);
        assertEquals(1, body.split("name=\"documents\"", -1).length - 1, "the empty file input is not a document");
    }

    @Test
    void textAloneGoesAsMultipartWithNoDocument() {
        asked();
        GatewayStandIn.answer("POST", API + "/resubmission", r -> Answer.json(200, application("UNDER_REVIEW")));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = page(citizen);
        String longAnswer = "가".repeat(1000);
        send(citizen, page, longAnswer, new Part("", "application/octet-stream", new byte[0]))
                .then().log().ifValidationFails().statusCode(303);
        String body = resubmissionsSent().get(0).body();
        assertTrue(body.contains(longAnswer), body);
        assertFalse(body.contains("name=\"documents\""), body);
    }

    @Test
    void aTextTooLongIsRefusedHereWithoutAsking() {
        asked();
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = page(citizen);
        String again = send(citizen, page, "가".repeat(1001)).then().statusCode(400).extract().asString();
        assertTrue(again.contains("<p class=\"form-hint-invalid\" id=\"answer-error\">보완 내용은 1000자 이내로 적어 주세요.</p>"),
                again);
        assertTrue(again.contains("aria-describedby=\"answer-help answer-error\" aria-invalid=\"true\""), again);
        assertTrue(resubmissionsSent().isEmpty(), "passport is not asked");
    }

    @Test
    void passportsRefusalOfADocumentIsSaidAtTheFileInputWithTheTextKept() {
        asked();
        GatewayStandIn.answer("POST", API + "/resubmission", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,\"errors\":[{\"field\":"
                        + "\"documents[1]\",\"detail\":\"Only PDF, JPEG or PNG documents are taken.\",\"detailKo\":"
                        + "\"PDF, JPEG, PNG 파일만 받습니다.\"}]}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = page(citizen);
        String again = send(citizen, page, "증명서입니다", new Part("a.pdf", "application/pdf",
                PDF.getBytes(StandardCharsets.UTF_8)), new Part("b.pdf", "application/pdf",
                "not a pdf at all".getBytes(StandardCharsets.UTF_8)))
                .then().statusCode(400).extract().asString();
        assertTrue(again.contains("<p class=\"form-hint-invalid\" id=\"documents-error\">PDF, JPEG, PNG 파일만 받습니다.</p>"),
                again);
        assertTrue(again.contains("aria-describedby=\"documents-help documents-error\" aria-invalid=\"true\""), again);
        assertTrue(again.contains(">증명서입니다</textarea>"), "the text typed is kept");
        assertTrue(again.contains("id=\"resubmit\""), "the form again, to send what passport takes");
        assertFalse(again.contains("id=\"resubmitted\""), again);
    }

    @Test
    void passportsRefusalOfTheTextIsSaidAtTheText() {
        asked();
        GatewayStandIn.answer("POST", API + "/resubmission", r -> Answer.problem(400,
                "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400,\"errors\":[{\"field\":"
                        + "\"answer\",\"detail\":\"At most 1000 characters.\",\"detailKo\":\"1000자 이내로 적어 주세요.\"}]}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String again = send(citizen, page(citizen), "무언가").then().statusCode(400).extract().asString();
        assertTrue(again.contains("<p class=\"form-hint-invalid\" id=\"answer-error\">1000자 이내로 적어 주세요.</p>"), again);
        assertTrue(again.contains(">무언가</textarea>"), again);
    }

    @Test
    void nothingAskedAnyMoreIsThePagesMessage() {
        asked();
        GatewayStandIn.answer("POST", API + "/resubmission", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409,\"detail\":\"No supplement is requested.\","
                        + "\"detailKo\":\"보완 요청 중인 신청이 아닙니다.\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String again = send(citizen, page(citizen), "늦었나요").then().statusCode(409).extract().asString();
        assertTrue(again.contains("id=\"error-summary\""), again);
        assertTrue(again.contains("<li>보완 요청 중인 신청이 아닙니다.</li>"), again);
        assertTrue(again.contains(">늦었나요</textarea>"), again);
    }

    @Test
    void theAnsweredRoundsAreListedAndADownloadGivesPassportsBytesAndHeaders() {
        asked();
        GatewayStandIn.answer("GET", API + "/supplement-documents/" + DOCUMENT, r -> new Answer(200, Map.of(
                "Content-Type", "application/pdf",
                "Content-Disposition", "attachment; filename*=UTF-8''%EA%B0%80%EC%A1%B1%EA%B4%80%EA%B3%84.pdf"), PDF));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = page(citizen);
        assertTrue(page.contains("<section id=\"supplement-answers\""), page);
        assertTrue(page.contains("<h3 id=\"supplement-0-title\">1차 보완: 가족관계증명서 필요</h3>"), page);
        assertTrue(page.contains("<dd id=\"supplement-0-answer\">첨부합니다</dd>"), page);
        String link = PAGE + "/supplement-documents/" + DOCUMENT;
        assertTrue(page.contains("<li id=\"supplement-0-document-0\"><a href=\"" + link + "\">가족관계.pdf 내려받기</a> "
                + "(application/pdf, 48KB)</li>"), page);
        assertTrue(page.contains("<li id=\"supplement-0-document-1\">") && page.contains("scan.png 내려받기</a> (image/png, 1KB)"),
                "every document of the round");
        assertTrue(page.contains("<dd id=\"supplement-1-answer\">내용 없이 제출했습니다.</dd>"), "answered without text");
        assertFalse(page.contains("id=\"supplement-1-document-0\""), "a round without documents lists none");
        assertFalse(page.contains("id=\"supplement-2-answer\""), "the open round is not answered yet");

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
    void anApplicationWithNoAnsweredRoundListsNone() {
        GatewayStandIn.answer("GET", API, r -> Answer.json(200, application("SUPPLEMENT_REQUESTED", ASKED)));
        String page = page(new PageSession(Tokens.of("citizen")));
        assertFalse(page.contains("id=\"supplement-answers\""), page);
    }

    @Test
    void aDocumentPassportDoesNotGiveIsThePagesNotFound() {
        asked();
        UUID another = UUID.fromString("5e2f3a4b-6c7d-4e8f-9a0b-0000000000cc");
        new PageSession(Tokens.of("citizen")).get(PAGE + "/supplement-documents/" + another).then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("민원을 찾을 수 없습니다."));
    }
}
