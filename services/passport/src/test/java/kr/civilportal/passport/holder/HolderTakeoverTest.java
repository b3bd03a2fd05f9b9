package kr.civilportal.passport.holder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * 담당 인계: a case whose holder is away is taken over by a colleague of the office with a reason, never by
 * accident; the holding says whom it was taken from and why, and every take-over stays in an append-only log.
 */
@QuarkusTest
class HolderTakeoverTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String HELD = "urn:civilportal:problem:case-held";
    private static final String REASON = "담당자 휴가 (12/7-12/11), 처리기한 임박";

    @Inject
    DataSource dataSource;

    @Test
    void aColleagueTakesOverAHeldCaseWithAReasonAndTheTakeoverIsLogged() throws SQLException {
        String id = submit();
        holder("passport-officer", id).then().statusCode(200);

        // Without a reason, or with one too long, nothing changes.
        takeOver("passport-officer2", id, "{}").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        takeOver("passport-officer2", id, "{\"reason\":\"  \"}").then().statusCode(400);
        takeOver("passport-officer2", id, "{\"reason\":\"" + "가".repeat(201) + "\"}").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        read("passport-officer2", id).then().body("holder.officer", equalTo("passport-officer"));
        assertEquals(0, takeovers(id));

        takeOver("passport-officer2", id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer2"))
                .body("holder.takenOverFrom", equalTo("passport-officer"))
                .body("holder.takeoverReason", equalTo(REASON));
        // A repeat changes nothing and logs nothing more.
        takeOver("passport-officer2", id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer2"));
        assertEquals(1, takeovers(id));

        // The former holder is now the other officer: refused like anyone else, and told who holds it.
        move("passport-officer", id, "UNDER_REVIEW").then().statusCode(409).body("type", equalTo(HELD));
        move("passport-officer2", id, "UNDER_REVIEW").then().statusCode(200);
        // Let go, the case carries no take-over any more.
        given().auth().oauth2(Tokens.of("passport-officer2")).when().delete(PATH + "/" + id + "/holder")
                .then().statusCode(200).body("holder", nullValue());
        holder("passport-officer", id).then().statusCode(200).body("holder.officer", equalTo("passport-officer"))
                .body("holder.takenOverFrom", nullValue()).body("holder.takeoverReason", nullValue());
        // The applicant never sees who holds it, nor why.
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("holder", nullValue());

        try (Connection c = dataSource.getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "UPDATE passport_holder_takeover SET reason = 'x' WHERE application_id = '" + id + "'"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "DELETE FROM passport_holder_takeover WHERE application_id = '" + id + "'"));
        }
        assertEquals(1, takeovers(id));
    }

    @Test
    void aFreeCaseTakenOverIsSimplyTakenAndAnotherOfficesOrAFinishedOneIsNot() throws SQLException {
        String id = submit();
        takeOver("passport-officer2", id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer2")).body("holder.takenOverFrom", nullValue());
        assertEquals(0, takeovers(id));
        // 부산시청's officer: the application (종로구청's) does not exist for them.
        takeOver("passport-officer3", id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(404);
        given().auth().oauth2(Tokens.of("passport-officer2")).contentType(ContentType.JSON)
                .body("{\"to\":\"REJECTED\",\"reason\":\"신청 서류 미비\"}").when().post(PATH + "/" + id + "/transitions")
                .then().statusCode(200);
        takeOver("passport-officer", id, "{\"reason\":\"" + REASON + "\"}").then().statusCode(409);
        takeOver("passport-officer", "7d3f0c1e-0000-4000-8000-0000000000ff", "{\"reason\":\"x\"}").then().statusCode(404);
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post(PATH + "/" + id + "/holder/takeover").then().statusCode(403);
    }

    private long takeovers(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM passport_holder_takeover WHERE application_id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Response takeOver(String officer, String id, String body) {
        return given().auth().oauth2(Tokens.of(officer)).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + id + "/holder/takeover");
    }

    private static Response holder(String officer, String id) {
        return given().auth().oauth2(Tokens.of(officer)).when().put(PATH + "/" + id + "/holder");
    }

    private static Response move(String officer, String id, String to) {
        return given().auth().oauth2(Tokens.of(officer)).contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}")
                .when().post(PATH + "/" + id + "/transitions");
    }

    private static Response read(String officer, String id) {
        return given().auth().oauth2(Tokens.of(officer)).when().get(PATH + "/" + id);
    }

    private static String submit() {
        return given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201).extract().path("id");
    }
}
