package kr.civilportal.land.parcel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ParcelResourceTest {

    private static final String PATH = "/api/land/v1/parcels/{pnu}";
    /** 서울특별시 종로구 청운동 1, from the demo data (db/demo/parcels.sql). */
    private static final String CHEONGUN_1 = "1111010100100010000";

    @Test
    void aCitizenReadsAParcelWithItsPricesNewestFirst() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH, CHEONGUN_1)
                .then().statusCode(200)
                .contentType("application/json")
                .body("pnu", equalTo(CHEONGUN_1))
                .body("address", equalTo("서울특별시 종로구 청운동 1"))
                .body("legalDongCode", equalTo("1111010100"))
                .body("mountain", equalTo(false))
                .body("mainNumber", equalTo(1))
                .body("subNumber", equalTo(0))
                .body("landCategory.code", equalTo("08"))
                .body("landCategory.name", equalTo("대"))
                .body("landCategory.nameEn", equalTo("Building site"))
                // The area keeps the register's two decimals.
                .body(containsString("\"areaSquareMeters\":661.20"))
                .body("officialLandPrices.year", contains(2025, 2024, 2023))
                .body("officialLandPrices.pricePerSquareMeter", contains(5396000, 5203000, 5120000));
    }

    @Test
    void theOwnerHistoryIsNewestFirstWithNamesMaskedForACitizen() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH, CHEONGUN_1)
                .then().statusCode(200)
                .body("ownerHistory.sequence", contains(3, 2, 1))
                .body("ownerHistory.ownerName", contains("김*연", "김*준", "김*수"))
                .body("ownerHistory.share", contains("1/2", "1/2", "1/1"))
                .body("ownerHistory.cause", contains("INHERITANCE", "INHERITANCE", "OWNERSHIP_PRESERVATION"))
                .body("ownerHistory.causeKo", contains("상속", "상속", "소유권보존"))
                .body("ownerHistory.changedOn", contains("2009-11-20", "2009-11-20", "1978-05-02"));
    }

    @Test
    void aLandOfficerSeesOwnerNamesInFull() {
        given().auth().oauth2(Tokens.of("land-officer"))
                .when().get(PATH, CHEONGUN_1)
                .then().statusCode(200)
                .body("ownerHistory.ownerName", contains("김서연", "김민준", "김영수"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"citizen2", "land-officer", "residency-officer", "dispatcher", "admin"})
    void anySignedInUserMayReadTheRegister(String user) {
        given().auth().oauth2(Tokens.of(user))
                .when().get(PATH, CHEONGUN_1)
                .then().statusCode(200)
                .body("pnu", equalTo(CHEONGUN_1));
    }

    @Test
    void aMountainLotIsWrittenWithSan() {
        given().auth().oauth2(Tokens.of("land-officer"))
                .when().get(PATH, "4182025021200120003")
                .then().statusCode(200)
                .body("address", equalTo("경기도 가평군 가평읍 읍내리 산 12-3"))
                .body("mountain", equalTo(true))
                .body("mainNumber", equalTo(12))
                .body("subNumber", equalTo(3))
                .body("landCategory.name", equalTo("임야"));
    }

    @Test
    void aParcelWithoutAnnouncedPricesHasAnEmptyList() {
        // A road: public land of this kind often has no official land price.
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH, "1111010100100150000")
                .then().statusCode(200)
                .body("landCategory.name", equalTo("도로"))
                .body("officialLandPrices", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "11110101001",          // too short
            "11110101001000100000", // too long
            "11110101001000A0000",  // a letter
            "1111010100300010000",  // land type 3
            "1111010100100000000",  // main lot number 0000
    })
    void aMalformedPnuIsAFieldError(String pnu) {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH, pnu)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("status", equalTo(400))
                .body("detailKo", not(emptyOrNullString()))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("pnu"))
                .body("errors[0].detail", not(emptyOrNullString()));
    }

    @Test
    void anUnknownParcelIsAProblem404() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH, "1111010100199990000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"))
                .body("instance", equalTo("/api/land/v1/parcels/1111010100199990000"));
    }

    @Test
    void withoutATokenTheAnswerIsAProblem401() {
        given().when().get(PATH, CHEONGUN_1)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:civilportal:problem:unauthenticated"));
    }

    @Test
    void withoutATokenEvenAMalformedPnuIsA401() {
        // Authentication comes first: an anonymous caller learns nothing about the input rules.
        given().when().get(PATH, "not-a-pnu")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = Tokens.of("citizen");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).when().get(PATH, CHEONGUN_1)
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
