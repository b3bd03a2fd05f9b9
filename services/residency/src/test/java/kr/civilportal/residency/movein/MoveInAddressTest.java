package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new household's address is checked against the road-name address register (도로명주소): stored as the register
 * writes it, with its postal code and 행정동, and sent to the office of its 행정동. The test profile configures a
 * 행정동 office, SEOUL-JONGNO-SAJIK (사직동 주민센터), beside the demo realm's 시·군·구 offices.
 */
@QuarkusTest
class MoveInAddressTest {

    static final String MINE = MoveInTest.MINE;
    static final String QUEUE = MoveInTest.QUEUE;

    @Inject
    DataSource dataSource;

    final String today = LocalDate.now(KoreanTime.ZONE).toString();
    String filed;

    @AfterEach
    void withdrawWhatIsStillOpen() {
        if (filed != null) {
            given().auth().oauth2(Tokens.of("citizen2")).when().post(MINE + "/" + filed + "/withdrawal");
        }
    }

    io.restassured.response.ValidatableResponse file(String address) {
        return given().auth().oauth2(Tokens.of("citizen2")).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + address + "\",\"movedInOn\":\"" + today + "\"}")
                .when().post(MINE).then();
    }

    @Test
    void anAddressAsTypedIsStoredAsTheRegisterWritesItWithItsPostalCodeAndAdministrativeDong() {
        filed = file("서울 마포구　월드컵북로 396 ,  1502호").statusCode(201)
                .body("address", equalTo("서울특별시 마포구 월드컵북로 396 (상암동), 1502호"))
                .body("postalCode", equalTo("03925"))
                .body("administrativeDong", equalTo("상암동"))
                .body("office", equalTo("SEOUL-MAPO"))
                .extract().path("id");
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MINE + "/" + filed).then().statusCode(200)
                .body("address", equalTo("서울특별시 마포구 월드컵북로 396 (상암동), 1502호"))
                .body("postalCode", equalTo("03925")).body("administrativeDong", equalTo("상암동"));
        given().auth().oauth2(Tokens.of("residency-officer")).when().get(QUEUE).then().statusCode(200)
                .body("find { it.id == '" + filed + "' }.postalCode", equalTo("03925"))
                .body("find { it.id == '" + filed + "' }.administrativeDong", equalTo("상암동"));
    }

    @Test
    void withoutADetailTheAddressEndsWithItsLegalDong() {
        filed = file("(03154) 서울특별시종로구 종로 1 (종로1가)").statusCode(201)
                .body("address", equalTo("서울특별시 종로구 종로 1 (종로1가)"))
                .body("postalCode", equalTo("03154"))
                .body("administrativeDong", equalTo("종로1·2·3·4가동"))
                .body("office", equalTo("SEOUL-JONGNO")).extract().path("id");
    }

    @Test
    void theOfficeIsThatOfTheAddressesAdministrativeDongWhereOneIsConfigured() {
        // 세종대로 209 lies in 행정동 사직동: its 주민센터 has it, not 종로구청.
        filed = file("서울특별시 종로구 세종대로 209, 별관 2층").statusCode(201)
                .body("address", equalTo("서울특별시 종로구 세종대로 209 (세종로), 별관 2층"))
                .body("administrativeDong", equalTo("사직동"))
                .body("office", equalTo("SEOUL-JONGNO-SAJIK")).body("officeName", equalTo("사직동 주민센터"))
                .extract().path("id");
        String jongno = Tokens.of("residency-officer");
        given().auth().oauth2(jongno).when().get(QUEUE).then().statusCode(200).body("id", not(hasItem(filed)));
        given().auth().oauth2(jongno).when().post(QUEUE + "/" + filed + "/approval").then().statusCode(404);
        given().auth().oauth2(Tokens.of("citizen2")).when().post(MINE + "/" + filed + "/withdrawal").then()
                .statusCode(200);

        // 사직로 161 has the same legal dong (세종로) but lies in 청운효자동, which no office of its own has: 종로구청.
        filed = file("서울특별시 종로구 사직로 161").statusCode(201)
                .body("address", equalTo("서울특별시 종로구 사직로 161 (세종로)"))
                .body("administrativeDong", equalTo("청운효자동"))
                .body("office", equalTo("SEOUL-JONGNO")).extract().path("id");
        given().auth().oauth2(jongno).when().get(QUEUE).then().statusCode(200).body("id", hasItem(filed));
    }

    @Test
    void anAddressTheRegisterDoesNotKnowIsAFieldErrorAndNothingIsStored() throws SQLException {
        long before = reports();
        for (String address : new String[] {"서울특별시 종로구 세종대로 1, 101호", "서울특별시 중구 세종대로 209",
                "서울특별시 종로구 청운동 1", "세종대로 209", "서울특별시 종로구 세종대로 209-1"}) {
            file(address).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                    .body("errors[0].field", equalTo("address"))
                    .body("detailKo", equalTo("도로명주소에 없는 주소입니다. 주소 검색으로 찾은 주소를 입력하세요."))
                    .body("errors[0].detail", equalTo("This road-name address is not in the register. Use an "
                            + "address found by the address search."));
        }
        file("서울특별시 종로구 세종대로 209, " + "가".repeat(101)).statusCode(400)
                .body("errors[0].field", equalTo("address"));
        assertEquals(before, reports(), "no report stored");
    }

    private long reports() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM move_in_report")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
