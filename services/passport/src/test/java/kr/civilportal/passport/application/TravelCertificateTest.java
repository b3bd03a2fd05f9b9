package kr.civilportal.passport.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import kr.civilportal.passport.fee.FeeSchedule;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The single-use travel certificate (여행증명서) and the fee's dependence on the applicant's age. */
@QuarkusTest
class TravelCertificateTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String VALIDATION = "urn:civilportal:problem:validation-failed";

    @Test
    void aCitizenAppliesForATravelCertificateWithoutPages() {
        String id = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TRAVEL_CERTIFICATE\"}")
                .when().post(PATH).then().statusCode(201)
                .body("validity", equalTo("TRAVEL_CERTIFICATE"))
                .body("pages", nullValue())
                .body("fee.totalKrw", equalTo(FeeSchedule.feeOf(ApplicationKind.NEW, Validity.TRAVEL_CERTIFICATE,
                        null, LocalDate.now(ZoneId.of("Asia/Seoul")), null).totalKrw()))
                .body("feeConfirmed", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/mine")
                .then().statusCode(200).body("find { it.id == '" + id + "' }.validity", equalTo("TRAVEL_CERTIFICATE"));
    }

    @Test
    void aTravelCertificateHasNoPagesAndIsNeverAReissue() {
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TRAVEL_CERTIFICATE\",\"pages\":26}")
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(VALIDATION)).body("errors.field", hasItem("pages"));
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"REISSUE\",\"validity\":\"TRAVEL_CERTIFICATE\"}")
                .when().post(PATH).then().statusCode(400)
                .body("type", equalTo(VALIDATION)).body("errors.field", hasItem("kind"));
        // A passport still needs its pages.
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"FIVE_YEARS\"}")
                .when().post(PATH).then().statusCode(400)
                .body("type", equalTo(VALIDATION)).body("errors.field", hasItem("pages"));
    }

    @Test
    void aFiveYearFeeWaitsForTheBirthDateWhileTheIdentityCheckIsPending() {
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"FIVE_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201)
                .body("identityCheck", equalTo("PENDING"))
                .body("feeConfirmed", equalTo(false));
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201)
                .body("feeConfirmed", equalTo(true));
    }
}
