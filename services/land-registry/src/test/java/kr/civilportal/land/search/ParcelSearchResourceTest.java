package kr.civilportal.land.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search by PNU, by legal dong and lot, and by address text, against the demo register. */
@QuarkusTest
class ParcelSearchResourceTest {

    private static final String SEARCH = "/api/land/v1/parcels";
    /** The demo parcels of 서울특별시 종로구 청운동, in register order. */
    private static final List<String> CHEONGUN = List.of("1111010100100010000", "1111010100100020003",
            "1111010100100150000", "1111010100100560012", "1111010100200010000");

    @Test
    void byPnuFindsThatParcel() {
        given().auth().oauth2(Tokens.of("citizen")).queryParam("pnu", "1111010100100020003")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].pnu", equalTo("1111010100100020003"))
                .body("items[0].address", equalTo("서울특별시 종로구 청운동 2-3"))
                .body("items[0].landCategory", equalTo("대"))
                // A result list carries no owner data.
                .body("items[0]", not(hasKey("ownerHistory")));
    }

    @Test
    void byLegalDongListsItsParcelsInRegisterOrder() {
        given().auth().oauth2(Tokens.of("citizen")).queryParam("legalDongCode", "1111010100")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.pnu", equalTo(CHEONGUN))
                .body("page", equalTo(0))
                .body("size", equalTo(20));
    }

    @Test
    void byLegalDongAndLotFindsTheLotOrTheMainLotWithItsSubLots() {
        given().auth().oauth2(Tokens.of("citizen"))
                .queryParam("legalDongCode", "4182025021").queryParam("lot", "산 12-3")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("items.address", contains("경기도 가평군 가평읍 읍내리 산 12-3"));
        given().auth().oauth2(Tokens.of("citizen"))
                .queryParam("legalDongCode", "4182025021").queryParam("lot", "12")
                .when().get(SEARCH)
                .then().statusCode(200)
                // 12-1 is a general lot; 산 12-3 is a mountain lot, a different lot number.
                .body("items.address", contains("경기도 가평군 가평읍 읍내리 12-1"));
    }

    @Test
    void byAddressTextMatchesWordsOfTheLegalDongName() {
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "종로구 청운동 1-0")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("items.pnu", contains("1111010100100010000"));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "강남구")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("total", equalTo(8))
                .body("items.address", hasItem("서울특별시 강남구 대치동 506"));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "부산 영주동 산 3")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("items.address", contains("부산광역시 중구 영주동 산 3"));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "없는동 1")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("total", equalTo(0))
                .body("items", empty());
    }

    @Test
    void likeWildcardsInTheAddressAreTakenLiterally() {
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "%")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "_")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void pagesAreStableAndCoverEveryParcelOnce() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<String> items = given().auth().oauth2(Tokens.of("citizen"))
                    .queryParam("legalDongCode", "1111010100").queryParam("size", 2).queryParam("page", page)
                    .when().get(SEARCH)
                    .then().statusCode(200)
                    .body("total", equalTo(5))
                    .extract().path("items.pnu");
            seen.addAll(items);
        }
        assertEquals(CHEONGUN, seen);
        given().auth().oauth2(Tokens.of("citizen"))
                .queryParam("legalDongCode", "1111010100").queryParam("size", 2).queryParam("page", 3)
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "|pnu",                                      // no criterion at all
            "pnu=1111010100100010000&address=청운동|pnu", // two criteria
            "pnu=12345|pnu",
            "legalDongCode=11110|legalDongCode",
            "legalDongCode=1111010100&lot=0|lot",
            "legalDongCode=1111010100&lot=12-x|lot",
            "lot=12|lot",
            "address=12-3|address",
            "address=청운동&size=0|size",
            "address=청운동&size=101|size",
            "address=청운동&size=abc|size",
            "address=청운동&page=-1|page",
            "address=청운동&landCategory=29|landCategory",
            "address=청운동&landCategory=8|landCategory",
            "address=청운동&landCategory=대|landCategory",
    })
    void badParametersAreFieldErrors(String caseLine) {
        String[] parts = caseLine.split("\\|");
        var request = given().auth().oauth2(Tokens.of("citizen"));
        if (!parts[0].isEmpty()) {
            for (String pair : parts[0].split("&")) {
                String[] kv = pair.split("=", 2);
                request.queryParam(kv[0], kv[1]);
            }
        }
        request.when().get(SEARCH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("errors.field", hasItem(parts[1]));
    }

    @Test
    void aLandCategoryNarrowsAnyCriterion() {
        // 청운동: 1 and 2-3 are building sites (08), 15 a road (14), 56-12 a park (22), 산 1 forest (05).
        given().auth().oauth2(Tokens.of("land-officer")).queryParam("legalDongCode", "1111010100")
                .queryParam("landCategory", "08")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.pnu", contains("1111010100100010000", "1111010100100020003"))
                .body("items.landCategoryCode", contains("08", "08"));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("address", "청운동").queryParam("landCategory", "14")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("items.pnu", contains("1111010100100150000"));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("pnu", "1111010100100150000")
                .queryParam("landCategory", "08")
                .when().get(SEARCH)
                .then().statusCode(200)
                .body("total", equalTo(0))
                .body("items", empty());
    }

    @Test
    void searchNeedsALogin() {
        given().queryParam("address", "청운동").when().get(SEARCH)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
