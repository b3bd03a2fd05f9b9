package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
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
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.documents.UploadedDocumentCheck;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.testsupport.UploadedDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Documents with a 보완 answer over HTTP (docs/supplement-documents.md): a real PDF and PNG go with the answer, both
 * views list them, the filer and an officer of the report's office download the very bytes (the officer's read in the
 * access log), nobody else finds them; a refused document refuses the whole answer and stores nothing; the stored
 * bytes are sealed. citizen2 files at 종로구청 (residency-officer); residency-officer2 is 해운대구청's.
 */
@QuarkusTest
class MoveInSupplementDocumentsTest {

    static final String MINE = MoveInTest.MINE;
    static final String QUEUE = MoveInTest.QUEUE;
    static final String ANSWER = "임대차계약서와 사진을 첨부합니다";

    @Inject
    DataSource dataSource;

    final String officer = Tokens.of("residency-officer");
    final String elsewhere = Tokens.of("residency-officer2");
    final String filer = Tokens.of("citizen2");
    final String someoneElse = Tokens.of("citizen");
    final LocalDate today = LocalDate.now(KoreanTime.ZONE);
    String filed;

    @AfterEach
    void withdrawWhatIsStillOpen() {
        if (filed != null) {
            given().auth().oauth2(filer).when().post(MINE + "/" + filed + "/withdrawal");
        }
    }

    /** A report of the filer's at 종로구청, waiting for the supplement 종로구청's officer asked. */
    String askedForASupplement() {
        filed = given().auth().oauth2(filer).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + MoveInHolderTest.JONGNO + "\",\"movedInOn\":\""
                        + today + "\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).contentType("application/json")
                .body(MoveInSupplementTest.body(MoveInSupplementTest.WHAT, today.plusDays(5)))
                .when().post(QUEUE + "/" + filed + "/supplement-request").then().statusCode(200);
        return filed;
    }

    RequestSpecification multipart(String answer) {
        return given().auth().oauth2(filer).multiPart("answer", answer, "text/plain; charset=UTF-8");
    }

    Response send(RequestSpecification request, String id) {
        return request.when().post(MINE + "/" + id + "/supplement-answer");
    }

    long storedDocuments(String id) {
        return Rows.count(dataSource, "SELECT count(*) FROM move_in_supplement_document d JOIN move_in_supplement s"
                + " ON s.id = d.supplement_id WHERE s.report_id = ?::uuid", id);
    }

    long officerReadsOfDocuments() {
        return Rows.count(dataSource, "SELECT count(*) FROM access_log WHERE official = 'residency-officer'"
                + " AND action = 'READ_RECORD' AND reason = 'supplement-document'");
    }

    void stillWaiting(String id) {
        JsonPath report = given().auth().oauth2(filer).when().get(MINE + "/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("SUPPLEMENT_REQUESTED", report.getString("status"));
        assertEquals(null, report.getString("supplements[0].answer"));
        assertEquals(0, storedDocuments(id), "no document is stored");
    }

    @Test
    void aPdfAndAPngGoWithTheAnswerAndBothSidesDownloadTheVeryBytes() throws SQLException {
        String id = askedForASupplement();
        byte[] pdf = UploadedDocuments.pdf("Lease of 101-1203");
        byte[] png = UploadedDocuments.png();

        JsonPath answered = send(multipart(ANSWER)
                .multiPart("documents", "lease.pdf", pdf, "application/pdf")
                .multiPart("documents", "photo.png", png, "image/png"), id)
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("supplements[0].answer", equalTo(ANSWER))
                .body("supplements[0].documents", hasSize(2))
                .body("supplements[0].documents[0].fileName", equalTo("lease.pdf"))
                .body("supplements[0].documents[0].mediaType", equalTo("application/pdf"))
                .body("supplements[0].documents[0].bytes", equalTo(pdf.length))
                .body("supplements[0].documents[1].fileName", equalTo("photo.png"))
                .body("supplements[0].documents[1].mediaType", equalTo("image/png"))
                .body("supplements[0].documents[1].bytes", equalTo(png.length))
                .extract().jsonPath();
        String pdfId = answered.getString("supplements[0].documents[0].documentId");
        String pngId = answered.getString("supplements[0].documents[1].documentId");

        // The officers' view lists them too, in the order sent.
        given().auth().oauth2(officer).when().get(QUEUE).then().statusCode(200)
                .body(MoveInSupplementTest.row(id) + "supplements[0].documents.documentId",
                        equalTo(java.util.List.of(pdfId, pngId)));

        // The filer downloads each as sent, as an attachment of its detected type, never cached nor sniffed.
        Response mine = given().auth().oauth2(filer).when().get(MINE + "/" + id + "/supplement-documents/" + pdfId);
        mine.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''lease.pdf"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
        assertArrayEquals(pdf, mine.asByteArray());
        byte[] myPng = given().auth().oauth2(filer).when().get(MINE + "/" + id + "/supplement-documents/" + pngId)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(png, myPng);

        // An officer of the report's office reads it, and the read is in the access log.
        long readsBefore = officerReadsOfDocuments();
        byte[] officersPdf = given().auth().oauth2(officer).when()
                .get(QUEUE + "/" + id + "/supplement-documents/" + pdfId).then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", equalTo("no-store"))
                .extract().asByteArray();
        assertArrayEquals(pdf, officersPdf);
        assertEquals(readsBefore + 1, officerReadsOfDocuments());

        // Nobody else finds them: another citizen, another office's officer (not logged: nothing was read).
        given().auth().oauth2(someoneElse).when().get(MINE + "/" + id + "/supplement-documents/" + pdfId).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(elsewhere).when().get(QUEUE + "/" + id + "/supplement-documents/" + pdfId).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(filer).when().get(MINE + "/" + id + "/supplement-documents/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(readsBefore + 1, officerReadsOfDocuments());

        // What the table holds is sealed: not the PDF's bytes, nor any run of them.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT ciphertext, sha256, byte_size FROM move_in_supplement_document WHERE id = ?::uuid")) {
            s.setString(1, pdfId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                byte[] stored = rows.getBytes(1);
                assertFalse(Arrays.equals(pdf, stored));
                assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF"),
                        "the PDF's header is not in the clear");
                assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Lease of 101-1203"));
                assertEquals(UploadedDocumentCheck.sha256(pdf), rows.getString(2));
                assertEquals(pdf.length, rows.getInt(3));
            }
        }
    }

    @Test
    void aTextFileSentAsAPdfRefusesTheWholeAnswer() {
        String id = askedForASupplement();
        send(multipart(ANSWER)
                .multiPart("documents", "photo.png", UploadedDocuments.png(), "image/png")
                .multiPart("documents", "lease.pdf", "이것은 계약서가 아닙니다".getBytes(StandardCharsets.UTF_8),
                        "application/pdf"), id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("validation-failed"))
                .body("errors[0].field", equalTo("documents[1]"));
        send(multipart(ANSWER).multiPart("documents", "lease.pdf",
                "plain text".getBytes(StandardCharsets.UTF_8), "application/pdf"), id)
                .then().statusCode(400).body("errors[0].field", equalTo("documents[0]"));
        stillWaiting(id);
    }

    @Test
    void fourFilesAreRefusedAsTooMany() {
        String id = askedForASupplement();
        byte[] png = UploadedDocuments.png();
        RequestSpecification four = multipart(ANSWER);
        for (int i = 0; i < 4; i++) {
            four = four.multiPart("documents", "photo-" + i + ".png", png, "image/png");
        }
        send(four, id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("documents"));
        stillWaiting(id);
    }

    @Test
    void aFileOverTwoMegabytesIsRefused() {
        String id = askedForASupplement();
        byte[] pdf = UploadedDocuments.pdf("lease");
        byte[] tooLarge = Arrays.copyOf(pdf, 2 * 1024 * 1024 + 1);
        Arrays.fill(tooLarge, pdf.length, tooLarge.length, (byte) '\n');
        send(multipart(ANSWER).multiPart("documents", "big.pdf", tooLarge, "application/pdf"), id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("documents[0]"));
        stillWaiting(id);
    }

    @Test
    void aMissingAnswerIsRefusedNamingIt() {
        String id = askedForASupplement();
        given().auth().oauth2(filer).multiPart("documents", "photo.png", UploadedDocuments.png(), "image/png")
                .when().post(MINE + "/" + id + "/supplement-answer").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("answer"));
        stillWaiting(id);
    }

    @Test
    void aKeyedMultipartRepeatStoresNothingMore() {
        String id = askedForASupplement();
        byte[] pdf = UploadedDocuments.pdf("lease");
        String key = UUID.randomUUID().toString();
        String first = null;
        for (int i = 0; i < 2; i++) {
            String documentId = send(multipart(ANSWER).header("Idempotency-Key", key)
                    .multiPart("documents", "lease.pdf", pdf, "application/pdf"), id)
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"))
                    .body("supplements[0].documents", hasSize(1))
                    .extract().path("supplements[0].documents[0].documentId");
            if (first == null) {
                first = documentId;
            }
            assertEquals(first, documentId, "the repeat is answered from the first");
        }
        assertEquals(1, storedDocuments(id));
        // The same key with another document is another request: refused, nothing stored.
        send(multipart(ANSWER).header("Idempotency-Key", key)
                .multiPart("documents", "photo.png", UploadedDocuments.png(), "image/png"), id)
                .then().statusCode(422);
        assertEquals(1, storedDocuments(id));
    }

    @Test
    void aMultipartAnswerWithoutDocumentsIsTheTextAnswer() {
        String id = askedForASupplement();
        send(multipart(ANSWER), id).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("supplements[0].answer", equalTo(ANSWER))
                .body("supplements[0].documents", hasSize(0));
    }
}
