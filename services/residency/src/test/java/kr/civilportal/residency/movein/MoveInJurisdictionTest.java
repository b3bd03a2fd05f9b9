package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 관할: a move-in goes to the office of its new address, and only that office's officers see and decide it (the
 * demo realm: residency-officer works for 종로구청 and 마포구청, residency-officer2 for 해운대구청). Tested as
 * authorization: to an officer of another office the report does not exist.
 */
@QuarkusTest
class MoveInJurisdictionTest {

    static final String MINE = MoveInTest.MINE;
    static final String QUEUE = MoveInTest.QUEUE;
    static final String HAEUNDAE = "부산광역시 해운대구 센텀중앙로 79, 1203호";
    /** HAEUNDAE as the road-name register writes it. */
    static final String HAEUNDAE_REGISTERED = "부산광역시 해운대구 센텀중앙로 79 (우동), 1203호";

    @Inject
    DataSource dataSource;

    final String today = LocalDate.now(KoreanTime.ZONE).toString();
    String filed;

    @AfterEach
    void withdrawWhatIsStillOpen() {
        if (filed != null) {
            // A decided report answers 409, which is as good: citizen2 has no open report either way.
            given().auth().oauth2(Tokens.of("citizen2")).when().post(MINE + "/" + filed + "/withdrawal");
        }
    }

    String file(String address) {
        filed = given().auth().oauth2(Tokens.of("citizen2")).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + address + "\",\"movedInOn\":\"" + today + "\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        return filed;
    }

    @Test
    void aMoveInToAnotherOfficesDistrictDoesNotExistForThisOfficesOfficer() {
        String id = file(HAEUNDAE);
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MINE + "/" + id).then().statusCode(200)
                .body("office", equalTo("BUSAN-HAEUNDAE")).body("officeName", equalTo("해운대구청"));

        String jongnoAndMapo = Tokens.of("residency-officer");
        given().auth().oauth2(jongnoAndMapo).when().get(QUEUE).then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(jongnoAndMapo).when().post(QUEUE + "/" + id + "/approval").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(jongnoAndMapo).contentType("application/json").body("{\"reason\":\"관할 아님\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(404);
        given().auth().oauth2(Tokens.of("citizen2")).when().get(MINE + "/" + id).then()
                .body("status", equalTo("SUBMITTED"));

        String haeundae = Tokens.of("residency-officer2");
        given().auth().oauth2(haeundae).when().get(QUEUE).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.officeName", equalTo("해운대구청"))
                .body("find { it.id == '" + id + "' }.address", equalTo(HAEUNDAE_REGISTERED));
        given().auth().oauth2(haeundae).contentType("application/json").body("{\"reason\":\"거주 사실 미확인\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("officeName", equalTo("해운대구청"));
        // Decided, it is still another office's: 404, not 409 (which would say it exists).
        given().auth().oauth2(jongnoAndMapo).when().post(QUEUE + "/" + id + "/approval").then().statusCode(404);
    }

    @Test
    void aShortenedAddressGoesToItsDistrictsOffice() {
        String id = file("서울 마포구 월드컵북로 396");
        given().auth().oauth2(Tokens.of("residency-officer2")).when().get(QUEUE).then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("residency-officer2")).when().post(QUEUE + "/" + id + "/approval")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("residency-officer")).when().get(QUEUE).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.office", equalTo("SEOUL-MAPO"));
    }

    @Test
    void aMoveInToADistrictNoOfficeCoversIsEveryOfficersSoNoneWaitsUnseen() {
        String id = file("대전광역시 유성구 대학로 99, 201호");
        for (String officer : new String[] {"residency-officer", "residency-officer2"}) {
            given().auth().oauth2(Tokens.of(officer)).when().get(QUEUE).then().statusCode(200)
                    .body("find { it.id == '" + id + "' }.office", nullValue())
                    .body("id", hasItem(id));
        }
        given().auth().oauth2(Tokens.of("residency-officer2")).contentType("application/json")
                .body("{\"reason\":\"거주 사실 미확인\"}").when().post(QUEUE + "/" + id + "/rejection")
                .then().statusCode(200).body("decidedAt", not(nullValue()));
    }

    @Test
    void aMoveInOfAnOfficeNoLongerConfiguredIsEveryOfficers() throws SQLException {
        String id = file(HAEUNDAE);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE move_in_report SET office_id = 'BUSAN-CLOSED' WHERE id = ?::uuid")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        given().auth().oauth2(Tokens.of("residency-officer")).when().get(QUEUE).then().statusCode(200)
                .body("id", hasItem(id));
        given().auth().oauth2(Tokens.of("residency-officer")).contentType("application/json")
                .body("{\"reason\":\"거주 사실 미확인\"}").when().post(QUEUE + "/" + id + "/rejection")
                .then().statusCode(200);
    }

    @Test
    void aJoinGoesToTheOfficeOfTheHouseholdOnceTheHeadConsentsAndTheJoinerIsNotToldWhichItIs() {
        String citizen2 = Tokens.of("citizen2");
        filed = given().auth().oauth2(citizen2).contentType("application/json")
                .body("{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"900315-2123451\","
                        + "\"relationToHead\":\"SIBLING\",\"movedInOn\":\"" + today + "\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("citizen")).when().post(MoveInTest.JOINS + "/" + filed + "/consent")
                .then().statusCode(200);
        // The household of the head (user citizen) is in 종로구: the office would tell the joiner where they live.
        given().auth().oauth2(citizen2).when().get(MINE + "/" + filed).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("office", nullValue()).body("officeName", nullValue());
        given().auth().oauth2(Tokens.of("residency-officer2")).when().get(QUEUE).then().statusCode(200)
                .body("id", not(hasItem(filed)));
        given().auth().oauth2(Tokens.of("residency-officer")).when().get(QUEUE).then().statusCode(200)
                .body("find { it.id == '" + filed + "' }.officeName", equalTo("종로구청"));
        // The officer's answer to a rejection names the office; the filer's view of it still does not.
        given().auth().oauth2(Tokens.of("residency-officer")).contentType("application/json")
                .body("{\"reason\":\"가족관계 확인 서류 미제출\"}").when().post(QUEUE + "/" + filed + "/rejection")
                .then().statusCode(200).body("office", equalTo("SEOUL-JONGNO"));
        given().auth().oauth2(citizen2).when().get(MINE + "/" + filed).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("office", nullValue());
    }
}
