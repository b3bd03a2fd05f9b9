package kr.civilportal.emergency.receipt;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import kr.civilportal.emergency.Fixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReceiptFollowUpTest {

    private static final String RECEIPTS = "/api/emergency/v1/receipts";

    private static ValidatableResponse report() {
        return given().contentType(ContentType.JSON).body(Fixtures.uniqueReport()).when().post(REPORTS)
                .then().statusCode(201).body("receiptToken", notNullValue());
    }

    @Test
    void theReporterFollowsTheirReportWithTheReceiptToken() {
        var receipt = report().extract();
        String id = receipt.path("reportId");
        String token = receipt.path("receiptToken");
        given().header("Receipt-Token", token).when().get(RECEIPTS + "/" + id).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("reporterPhone", equalTo("010-****-6789"))
                .body("$", not(hasKey("description")));
        given().auth().oauth2(Tokens.of("dispatcher")).when().post(REPORTS + "/" + id + "/acknowledgement")
                .then().statusCode(200);
        given().header("Receipt-Token", token).when().get(RECEIPTS + "/" + id).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", notNullValue())
                .body("$", not(hasKey("acknowledgedBy")));
    }

    @Test
    void aWrongOrMissingTokenAndAnUnknownReportAllLookTheSame() {
        String id = report().extract().path("reportId");
        String otherToken = report().extract().path("receiptToken");
        for (var spec : new io.restassured.specification.RequestSpecification[] {
                given().header("Receipt-Token", otherToken), given()}) {
            spec.when().get(RECEIPTS + "/" + id).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:not-found"));
        }
        given().header("Receipt-Token", otherToken).when().get(RECEIPTS + "/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void theReporterAddsAPhotoLaterAndTheDispatcherSeesIt() {
        var receipt = report().extract();
        String id = receipt.path("reportId");
        String token = receipt.path("receiptToken");
        String key = UUID.randomUUID().toString();
        byte[] photo = Fixtures.jpeg(50_000);
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Receipt-Token", token).header("Idempotency-Key", key)
                    .multiPart("attachments", "later.jpg", photo, "image/jpeg")
                    .multiPart("attachments", "notes.txt", "hello".getBytes(), "text/plain")
                    .when().post(RECEIPTS + "/" + id + "/attachments").then().statusCode(201)
                    .body("added", hasSize(1))
                    .body("warnings[0].field", equalTo("attachments[1]"));
        }
        given().header("Receipt-Token", token).when().get(RECEIPTS + "/" + id).then()
                .body("attachments", hasSize(1));
        given().auth().oauth2(Tokens.of("dispatcher")).when().get(REPORTS + "/" + id + "/events").then()
                .body("kind", hasItem("ATTACHMENT_ADDED"));
        given().header("Receipt-Token", "wrong").multiPart("attachments", "x.jpg", photo, "image/jpeg")
                .when().post(RECEIPTS + "/" + id + "/attachments").then().statusCode(404);
    }
}
