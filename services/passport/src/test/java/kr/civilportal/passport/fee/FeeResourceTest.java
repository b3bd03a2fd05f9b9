package kr.civilportal.passport.fee;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.application.ApplicationKind;
import kr.civilportal.passport.application.Validity;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeeResourceTest {

    @Test
    void aCitizenSeesTodaysFeeBeforeApplying() {
        Fee expected = FeeSchedule.feeOf(ApplicationKind.NEW, Validity.TEN_YEARS, 58, LocalDate.now(KoreanTime.ZONE));
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/passport/v1/fees?kind=NEW&validity=TEN_YEARS&pages=58")
                .then().statusCode(200)
                .body("totalKrw", equalTo(expected.totalKrw()))
                .body("issuanceFeeKrw", equalTo(expected.issuanceFeeKrw()))
                .body("contributionKrw", equalTo(expected.contributionKrw()));
    }

    @Test
    void badChoicesAreFieldErrors() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/passport/v1/fees?kind=NEW&validity=TEN_YEARS&pages=30")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("pages"));
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/passport/v1/fees?kind=OLD&validity=TEN_YEARS&pages=58")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void aLoginIsNeeded() {
        given().when().get("/api/passport/v1/fees?kind=NEW&validity=TEN_YEARS&pages=58").then().statusCode(401);
    }
}
