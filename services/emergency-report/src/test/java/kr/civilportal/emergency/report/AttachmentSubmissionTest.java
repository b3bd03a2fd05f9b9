package kr.civilportal.emergency.report;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.emergency.Fixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AttachmentSubmissionTest {

    @Inject
    DataSource dataSource;

    private static RequestSpecification multipart(String report) {
        return given().multiPart("report", report, "application/json");
    }

    private long rows(String table) throws SQLException {
        return Fixtures.count(dataSource, "SELECT count(*) FROM " + table);
    }

    @Test
    void photosAndAVideoAreStoredWithTheReportAndTheDispatcherOpensThem() {
        byte[] photo = Fixtures.jpeg(300_000);
        ValidatableResponse answer = multipart(Fixtures.uniqueReport())
                .multiPart("attachments", "fire.jpg", photo, "image/jpeg")
                .multiPart("attachments", "fire.png", Fixtures.png(2_000), "image/png")
                .multiPart("attachments", "clip.mov", Fixtures.quicktime(1_000_000), "video/quicktime")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .when().post(REPORTS).then().statusCode(201)
                .body("reporterPhone", equalTo("010-****-6789"))
                .body("attachments", hasSize(3))
                .body("attachments.mediaType", containsInAnyOrder("image/jpeg", "image/png", "video/quicktime"))
                .body("attachments.find { it.mediaType == 'image/jpeg' }.sizeBytes", equalTo(300_000))
                .body("warnings", hasSize(0));
        String id = answer.extract().path("reportId");
        String photoId = answer.extract().path("attachments.find { it.mediaType == 'image/jpeg' }.attachmentId");

        String token = Tokens.of("dispatcher");
        given().auth().oauth2(token).when().get(REPORTS + "/" + id).then().statusCode(200)
                .body("attachments", hasSize(3));
        byte[] content = given().auth().oauth2(token).when().get(REPORTS + "/" + id + "/attachments/" + photoId)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(photo, content);
        given().auth().oauth2(Tokens.of("citizen")).when().get(REPORTS + "/" + id + "/attachments/" + photoId)
                .then().statusCode(403);
        given().when().get(REPORTS + "/" + id + "/attachments/" + photoId).then().statusCode(401);
    }

    @Test
    void aBadAttachmentIsLeftOutWithAWarningAndTheReportIsStillTaken() throws SQLException {
        long filesBefore = rows("report_attachment");
        String id = multipart(Fixtures.uniqueReport())
                .multiPart("attachments", "photo.jpg", Fixtures.html(), "image/jpeg")           // mislabelled
                .multiPart("attachments", "big.jpg", Fixtures.jpeg(10 * 1024 * 1024 + 1), "image/jpeg") // over 10 MB
                .multiPart("attachments", "ok.png", Fixtures.png(5_000), "image/png")
                .multiPart("attachments", "empty.jpg", new byte[0], "image/jpeg")
                .when().post(REPORTS).then().statusCode(201)
                .body("attachments", hasSize(1))
                .body("attachments[0].mediaType", equalTo("image/png"))
                .body("warnings.field", containsInAnyOrder("Idempotency-Key", "attachments[0]", "attachments[1]",
                        "attachments[3]"))
                .body("warnings.find { it.field == 'attachments[0]' }.code", equalTo("attachment-type-not-accepted"))
                .body("warnings.find { it.field == 'attachments[1]' }.code", equalTo("attachment-too-large"))
                .body("warnings.find { it.field == 'attachments[3]' }.code", equalTo("attachment-empty"))
                .body("warnings.find { it.field == 'attachments[1]' }.detailKo", equalTo("사진이 10MB를 넘어 제외했습니다."))
                .extract().path("reportId");
        assertEquals(filesBefore + 1, rows("report_attachment"), "only the good file is stored");
        given().auth().oauth2(Tokens.of("dispatcher")).when().get(REPORTS + "/" + id)
                .then().statusCode(200).body("attachments", hasSize(1));
    }

    @Test
    void aMissingOrInvalidReportPartIsAFieldErrorAndNothingIsStored() throws SQLException {
        long reports = rows("emergency_report");
        long files = rows("report_attachment");
        given().multiPart("attachments", "a.jpg", Fixtures.jpeg(100), "image/jpeg")
                .when().post(REPORTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("report"));
        multipart("""
                {"category": "FIRE", "description": "", "latitude": 123.4, "longitude": "east"}
                """).multiPart("attachments", "a.jpg", Fixtures.jpeg(100), "image/jpeg")
                .when().post(REPORTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("longitude"));
        multipart("""
                {"category": "FIRE", "description": "", "latitude": 123.4, "longitude": 200, "accuracyMeters": -3}
                """).multiPart("attachments", "a.jpg", Fixtures.jpeg(100), "image/jpeg")
                .when().post(REPORTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("errors.field", containsInAnyOrder("description", "latitude", "longitude", "accuracyMeters"));
        multipart("{\"category\": ").when().post(REPORTS).then().statusCode(400)
                .body("type", equalTo("urn:civilportal:problem:malformed-request"));
        assertEquals(reports, rows("emergency_report"), "no report stored");
        assertEquals(files, rows("report_attachment"), "no file stored");
    }

    @Test
    void aMultipartReportWithoutFilesIsAPlainReport() {
        multipart(Fixtures.uniqueReport()).when().post(REPORTS).then().statusCode(201)
                .body("attachments", hasSize(0))
                .body("warnings.code", equalTo(List.of("idempotency-key-missing")));
    }
}
