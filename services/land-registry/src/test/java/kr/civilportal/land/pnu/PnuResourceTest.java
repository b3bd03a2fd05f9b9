package kr.civilportal.land.pnu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PNU ⇄ lot address through the API, with the register's legal-dong names. */
@QuarkusTest
class PnuResourceTest {

    @Test
    void aPnuIsWrittenAsItsLotAddress() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/land/v1/pnu/{pnu}", "1111010100100010000")
                .then().statusCode(200)
                .body("address", equalTo("서울특별시 종로구 청운동 1"))
                .body("legalDongName", equalTo("서울특별시 종로구 청운동"))
                .body("mountain", equalTo(false))
                .body("mainNumber", equalTo(1))
                .body("subNumber", equalTo(0));
        // Any lot of a known legal dong, registered or not.
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/land/v1/pnu/{pnu}", "4182025021299990001")
                .then().statusCode(200)
                .body("address", equalTo("경기도 가평군 가평읍 읍내리 산 9999-1"));
    }

    @Test
    void anAddressGivesItsPnuBothInFullAndByUniqueWords() {
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "서울특별시 종로구 청운동 1-0")
                .when().get("/api/land/v1/pnu")
                .then().statusCode(200)
                .body("pnu", equalTo("1111010100100010000"))
                .body("address", equalTo("서울특별시 종로구 청운동 1"));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "읍내리 산 12-3")
                .when().get("/api/land/v1/pnu")
                .then().statusCode(200)
                .body("pnu", equalTo("4182025021200120003"));
    }

    @Test
    void anAmbiguousOrLotlessAddressIsAFieldErrorAndAnUnknownDongA404() {
        // Two legal dongs of 종로구 are on the register.
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "종로구 1")
                .when().get("/api/land/v1/pnu")
                .then().statusCode(400).body("errors[0].field", equalTo("address"));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "청운동")
                .when().get("/api/land/v1/pnu")
                .then().statusCode(400).body("errors[0].field", equalTo("address"));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "없는동 1")
                .when().get("/api/land/v1/pnu")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/land/v1/pnu/{pnu}", "9911010100100010000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "1111010100300010000", "111101010010001000A"})
    void aMalformedPnuIsAFieldError(String pnu) {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/land/v1/pnu/{pnu}", pnu)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("pnu"));
    }

    @Test
    void conversionNeedsALogin() {
        given().when().get("/api/land/v1/pnu/{pnu}", "1111010100100010000")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
