package kr.civilportal.residency.address;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.common.text.StorableText;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The address search (도로명주소 검색) over the register's extract, as the move-in form uses it. */
@QuarkusTest
class AddressSearchTest {

    static final String SEARCH = "/api/residency/v1/addresses";

    @Test
    void anAddressWrittenInFullFindsItsBuildingWithPostalCodeAndAdministrativeDong() {
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "서울특별시 종로구 세종대로 209")
                .when().get(SEARCH).then().statusCode(200).contentType("application/json")
                .body("", hasSize(1))
                .body("[0].roadNameAddress", equalTo("서울특별시 종로구 세종대로 209"))
                .body("[0].legalDong", equalTo("세종로"))
                .body("[0].buildingName", equalTo("정부서울청사"))
                .body("[0].postalCode", equalTo("03171"))
                .body("[0].administrativeDong", equalTo("사직동"))
                .body("[0].managementNumber", not(nullValue()));
    }

    @Test
    void everyWordMustOccurAndAnyOrderOrPartOfTheAddressWillDo() {
        // A road in two districts: both, in address order (종로구 before 중구), then by number.
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "세종대로")
                .when().get(SEARCH).then().statusCode(200)
                .body("roadNameAddress", contains("서울특별시 종로구 세종대로 175", "서울특별시 종로구 세종대로 209",
                        "서울특별시 중구 세종대로 110"));
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "중구 세종대로")
                .when().get(SEARCH).then().statusCode(200)
                .body("roadNameAddress", contains("서울특별시 중구 세종대로 110"))
                .body("[0].buildingName", equalTo("서울특별시청"));
        // The building's name, its legal dong and postal code are words of it too.
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "누리꿈스퀘어")
                .when().get(SEARCH).then().statusCode(200)
                .body("roadNameAddress", contains("서울특별시 마포구 월드컵북로 396"))
                .body("[0].postalCode", equalTo("03925")).body("[0].administrativeDong", equalTo("상암동"));
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "상암동 월드컵북로")
                .when().get(SEARCH).then().statusCode(200)
                .body("roadNameAddress", contains("서울특별시 마포구 월드컵북로 396", "서울특별시 마포구 월드컵북로 400"));
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "종로 1 교보")
                .when().get(SEARCH).then().statusCode(200)
                .body("roadNameAddress", contains("서울특별시 종로구 종로 1"))
                .body("[0].administrativeDong", equalTo("종로1·2·3·4가동"));
    }

    @Test
    void aShortenedProvinceOrFullWidthSpacesFindTheSame() {
        for (String q : new String[] {"서울 종로구 세종대로 209", "서울시 세종대로 209", "서울특별시종로구 세종대로 209",
                "서울\u3000세종대로\u3000209", "apec로 55"}) {
            given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", q)
                    .when().get(SEARCH).then().statusCode(200).body("", hasSize(1));
        }
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "부산 해운대구")
                .when().get(SEARCH).then().statusCode(200)
                .body("roadNameAddress", everyItem(startsWith("부산광역시 해운대구 ")))
                .body("roadNameAddress", hasItem("부산광역시 해운대구 APEC로 55"))
                .body("", hasSize(lessThanOrEqualTo(10)));
    }

    @Test
    void aVagueQueryAnswersAtMostTheConfiguredNumber() {
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "서울")
                .when().get(SEARCH).then().statusCode(200).body("", hasSize(10));
    }

    @Test
    void nothingFoundIsAnEmptyList() {
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "서울특별시 종로구 세종대로 1")
                .when().get(SEARCH).then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "세종대로 20")
                .when().get(SEARCH).then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", "없는로 12345")
                .when().get(SEARCH).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aMissingTooShortOrTooLongQueryIsAFieldErrorOnQ() {
        given().auth().oauth2(Tokens.of("citizen2")).when().get(SEARCH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        for (String q : new String[] {"", "  서  ", "가".repeat(101)}) {
            given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", q).when().get(SEARCH).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                    .body("errors[0].field", equalTo("q"));
        }
    }

    @Test
    void aNulInTheQueryIsAFieldErrorOnQNotAFailure() {
        // Before this was refused up front, PostgreSQL failed the search with a 500, and a dozen of those from one
        // client opened residency's circuit at the gateway for every citizen.
        // (An unpaired surrogate cannot travel in a URL: percent-encoded UTF-8 has no way to write one.)
        for (String q : new String[] {"세종\u0000대로", "\u0000"}) {
            given().auth().oauth2(Tokens.of("citizen2")).queryParam("q", q).when().get(SEARCH).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                    .body("errors[0].field", equalTo("q"))
                    .body("errors[0].detail", equalTo(StorableText.DETAIL));
        }
    }

    @Test
    void anOfficerSearchesTooAndNobodyAnonymously() {
        given().auth().oauth2(Tokens.of("residency-officer")).queryParam("q", "벡스코")
                .when().get(SEARCH).then().statusCode(200).body("[0].roadNameAddress",
                        equalTo("부산광역시 해운대구 APEC로 55"));
        given().queryParam("q", "벡스코").when().get(SEARCH).then().statusCode(401);
    }
}
