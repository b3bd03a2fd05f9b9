package kr.civilportal.passport.supplement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.documents.UploadedDocumentCheck;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.testsupport.UploadedDocuments;
import org.junit.jupiter.api.Test;

/** 보완 제출 with text and documents (docs/supplement-documents.md, "Passport"), through the real service and database. */
@QuarkusTest
class SupplementAnswerTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String MY_READS = "/api/passport/v1/me/photo-reads";
    private static final String ANSWER = "새 사진을 올렸고 개명 사실이 담긴 기본증명서를 첨부합니다";
    private static final String REASON = "개명 전 이름 확인 필요 (the former name must be shown)";

    @Inject
    DataSource dataSource;

    @Test
    void aTextAnswerIsKeptWithItsRequestAndShownToBothSides() {
        String id = askedForASupplement();
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"answer\":\"  " + ANSWER + "  \"}")
                .when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("supplements", hasSize(1))
                .body("supplements[0].reason", equalTo(REASON))
                .body("supplements[0].supplementDeadline", equalTo(deadline()))
                .body("supplements[0].requestedAt", notNullValue())
                .body("supplements[0].answeredAt", notNullValue())
                .body("supplements[0].answer", equalTo(ANSWER))
                .body("supplements[0].documents", empty());
        for (String user : List.of("citizen", "passport-officer")) {
            given().auth().oauth2(Tokens.of(user)).when().get(PATH + "/" + id)
                    .then().statusCode(200)
                    .body("supplements[0].answer", equalTo(ANSWER))
                    .body("supplements[0].documents", empty());
        }
        // The lists do not carry it.
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/mine")
                .then().statusCode(200).body("find { it.id == '" + id + "' }.supplements", nullValue());
    }

    @Test
    void aPdfAndAPngGoWithTheAnswerAndBothSidesDownloadTheVeryBytes() throws SQLException {
        String id = askedForASupplement();
        byte[] pdf = UploadedDocuments.pdf("Basic certificate of a name change");
        byte[] png = UploadedDocuments.png();

        JsonPath answered = multipart(ANSWER)
                .multiPart("documents", "basic-certificate.pdf", pdf, "application/pdf")
                .multiPart("documents", "photo.png", png, "image/png")
                .when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("supplements[0].answer", equalTo(ANSWER))
                .body("supplements[0].documents", hasSize(2))
                .body("supplements[0].documents[0].fileName", equalTo("basic-certificate.pdf"))
                .body("supplements[0].documents[0].mediaType", equalTo("application/pdf"))
                .body("supplements[0].documents[0].bytes", equalTo(pdf.length))
                .body("supplements[0].documents[1].fileName", equalTo("photo.png"))
                .body("supplements[0].documents[1].mediaType", equalTo("image/png"))
                .body("supplements[0].documents[1].bytes", equalTo(png.length))
                .extract().jsonPath();
        String pdfId = answered.getString("supplements[0].documents[0].documentId");
        String pngId = answered.getString("supplements[0].documents[1].documentId");

        // The officers' single view lists them too, in the order sent.
        given().auth().oauth2(Tokens.of("passport-officer")).when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("supplements[0].documents.documentId", equalTo(List.of(pdfId, pngId)));

        // The applicant downloads each as sent, an attachment of its detected type, never cached nor sniffed; not logged.
        Response mine = given().auth().oauth2(Tokens.of("citizen")).when().get(document(id, pdfId));
        mine.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''basic-certificate.pdf"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
        assertArrayEquals(pdf, mine.asByteArray());
        assertArrayEquals(png, given().auth().oauth2(Tokens.of("citizen")).when().get(document(id, pngId))
                .then().statusCode(200).contentType("image/png").extract().asByteArray());
        assertEquals(0, documentReads(id));

        // An officer of the application's office reads it; the read is logged, and the applicant sees it.
        byte[] officers = given().auth().oauth2(Tokens.of("passport-officer")).when().get(document(id, pdfId))
                .then().statusCode(200).contentType("application/pdf").header("Cache-Control", equalTo("no-store"))
                .extract().asByteArray();
        assertArrayEquals(pdf, officers);
        assertEquals(1, documentReads(id));
        String entry = "find { it.documentId == '" + pdfId + "' }";
        given().auth().oauth2(Tokens.of("citizen")).when().get(MY_READS)
                .then().statusCode(200)
                .body(entry + ".applicationId", equalTo(id))
                .body(entry + ".official", equalTo("passport-officer"))
                .body(entry + ".reason", equalTo("supplement-document"))
                .body(entry + ".what", equalTo("SUPPLEMENT_DOCUMENT"));
        // And the auditor finds it among the record reads.
        String today = LocalDate.now(KoreanTime.ZONE).toString();
        given().auth().oauth2(Tokens.of("auditor")).queryParam("recordId", id).queryParam("from", today)
                .queryParam("to", today).when().get("/api/passport/v1/audit/record-reads")
                .then().statusCode(200)
                .body("reads", hasSize(1))
                .body("reads[0].record", equalTo("PASSPORT_SUPPLEMENT_DOCUMENT"))
                .body("reads[0].action", equalTo("READ_SUPPLEMENT_DOCUMENT"))
                .body("reads[0].reason", equalTo("supplement-document"));

        // Nobody else finds them: another citizen, another office's officer (nothing read, nothing logged), an unknown id.
        given().auth().oauth2(Tokens.of("citizen2")).when().get(document(id, pdfId))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("passport-officer3")).when().get(document(id, pdfId))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen")).when().get(document(id, UUID.randomUUID().toString()))
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(1, documentReads(id));

        // What the table holds is sealed: not the PDF's bytes, nor its header or text in the clear.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT ciphertext, sha256, byte_size FROM passport_supplement_document WHERE id = ?::uuid")) {
            s.setString(1, pdfId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                byte[] stored = rows.getBytes(1);
                assertFalse(Arrays.equals(pdf, stored));
                String asText = new String(stored, StandardCharsets.ISO_8859_1);
                assertFalse(asText.contains("%PDF"), "the PDF's header is not in the clear");
                assertFalse(asText.contains("Basic certificate"));
                assertEquals(UploadedDocumentCheck.sha256(pdf), rows.getString(2));
                assertEquals(pdf.length, rows.getInt(3));
            }
        }
        // History: no change, no deletion.
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE passport_supplement_document"
                    + " SET file_name = 'x.pdf' WHERE id = '" + pdfId + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM passport_supplement_document"
                    + " WHERE id = '" + pdfId + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE passport_supplement_answer"
                    + " SET answer = 'x' WHERE application_id = '" + id + "'"));
        }
    }

    @Test
    void aTextFileRenamedAsAPdfRefusesTheWholeAnswer() throws SQLException {
        String id = askedForASupplement();
        multipart(ANSWER)
                .multiPart("documents", "기본증명서.pdf", "이것은 증명서가 아닙니다".getBytes(StandardCharsets.UTF_8),
                        "application/pdf")
                .when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("errors[0].field", equalTo("documents[0]"));
        stillWaiting(id);
    }

    @Test
    void fourFilesAreRefusedAsTooMany() throws SQLException {
        String id = askedForASupplement();
        byte[] png = UploadedDocuments.png();
        RequestSpecification four = multipart(ANSWER);
        for (int i = 0; i < 4; i++) {
            four = four.multiPart("documents", "photo-" + i + ".png", png, "image/png");
        }
        four.when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("documents"));
        stillWaiting(id);
    }

    @Test
    void anAnswerOfMoreThanAThousandCharactersIsRefusedEitherWay() throws SQLException {
        String id = askedForASupplement();
        String tooLong = "가".repeat(1001);
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"answer\":\"" + tooLong + "\"}")
                .when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("answer"));
        multipart(tooLong).when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(400).body("errors[0].field", equalTo("answer"));
        stillWaiting(id);
    }

    @Test
    void anotherCitizenFindsNoApplicationToAnswer() throws SQLException {
        String id = askedForASupplement();
        given().auth().oauth2(Tokens.of("citizen2")).contentType(ContentType.JSON).body("{\"answer\":\"" + ANSWER + "\"}")
                .when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen2")).multiPart("answer", ANSWER, "text/plain; charset=UTF-8")
                .multiPart("documents", "photo.png", UploadedDocuments.png(), "image/png")
                .when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(404).contentType("application/problem+json");
        stillWaiting(id);
    }

    @Test
    void aBodylessResubmissionStillAnswersWithoutText() throws SQLException {
        String id = askedForASupplement();
        given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("supplements[0].answeredAt", notNullValue())
                .body("supplements[0].answer", nullValue())
                .body("supplements[0].documents", empty());
        assertEquals(1, answers(id));
    }

    @Test
    void aRepeatWithTheSameKeyIsAnsweredFromTheFirstAndStoresNothingMore() throws SQLException {
        String id = askedForASupplement();
        String key = UUID.randomUUID().toString();
        byte[] pdf = UploadedDocuments.pdf("certificate");
        String first = multipart(ANSWER).header("Idempotency-Key", key)
                .multiPart("documents", "certificate.pdf", pdf, "application/pdf")
                .when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(200).extract().path("supplements[0].documents[0].documentId");
        String again = multipart(ANSWER).header("Idempotency-Key", key)
                .multiPart("documents", "certificate.pdf", pdf, "application/pdf")
                .when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"))
                .extract().path("supplements[0].documents[0].documentId");
        assertEquals(first, again);
        assertEquals(1, answers(id));
        assertEquals(1, documents(id));
        assertEquals(4, historyRows(id), "submitted, review, supplement requested, resubmitted: once");
    }

    @Test
    void aSecondRoundIsListedAfterTheFirst() {
        String id = askedForASupplement();
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON).body("{\"answer\":\"   \"}")
                .when().post(PATH + "/" + id + "/resubmission").then().statusCode(200)
                .body("supplements[0].answer", nullValue());
        askFor(id, "두 번째 보완 (second round)");
        given().auth().oauth2(Tokens.of("passport-officer")).when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("supplements", hasSize(2))
                .body("supplements[0].answeredAt", notNullValue())
                .body("supplements[1].reason", equalTo("두 번째 보완 (second round)"))
                .body("supplements[1].answeredAt", nullValue())
                .body("supplements[1].answer", nullValue());
    }

    private static RequestSpecification multipart(String answer) {
        return given().auth().oauth2(Tokens.of("citizen")).multiPart("answer", answer, "text/plain; charset=UTF-8");
    }

    private static String document(String id, String documentId) {
        return PATH + "/" + id + "/supplement-documents/" + documentId;
    }

    private static String deadline() {
        return LocalDate.now(KoreanTime.ZONE).plusDays(14).toString();
    }

    private static String askedForASupplement() {
        String id = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"to\":\"UNDER_REVIEW\"}").when().post(PATH + "/" + id + "/transitions")
                .then().statusCode(200);
        askFor(id, REASON);
        return id;
    }

    private static void askFor(String id, String reason) {
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"" + reason + "\",\"supplementDeadline\":\""
                        + deadline() + "\"}")
                .when().post(PATH + "/" + id + "/transitions").then().statusCode(200)
                .body("status", equalTo("SUPPLEMENT_REQUESTED"));
    }

    private void stillWaiting(String id) throws SQLException {
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("status", equalTo("SUPPLEMENT_REQUESTED"))
                .body("supplements[0].answeredAt", nullValue());
        assertEquals(0, answers(id), "no answer is stored");
        assertEquals(0, documents(id), "no document is stored");
        assertEquals(3, historyRows(id), "the status did not move");
    }

    private long answers(String id) throws SQLException {
        return count("SELECT count(*) FROM passport_supplement_answer WHERE application_id = ?::uuid", id);
    }

    private long documents(String id) throws SQLException {
        return count("SELECT count(*) FROM passport_supplement_document d JOIN passport_supplement_answer a"
                + " ON a.id = d.answer_id WHERE a.application_id = ?::uuid", id);
    }

    private long documentReads(String id) throws SQLException {
        return count("SELECT count(*) FROM passport_photo_read WHERE application_id = ?::uuid"
                + " AND what = 'SUPPLEMENT_DOCUMENT' AND reason = 'supplement-document'", id);
    }

    private long historyRows(String id) throws SQLException {
        return count("SELECT count(*) FROM passport_status_change WHERE application_id = ?::uuid", id);
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
