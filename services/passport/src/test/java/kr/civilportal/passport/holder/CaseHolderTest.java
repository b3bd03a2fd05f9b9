package kr.civilportal.passport.holder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * 담당: two passport officers never work one application unknowingly. One takes it; the other is told who holds it
 * and can neither move it nor let it go; acting on a case nobody holds takes it; the applicant never sees who holds
 * theirs. Real tokens of two officers, the real database.
 */
@QuarkusTest
class CaseHolderTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String HELD = "urn:civilportal:problem:case-held";

    @Test
    void anApplicationOneOfficerTookIsTheirsUntilTheyLetItGo() {
        String id = submit();
        holder("passport-officer", id, "PUT").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer")).body("holder.since", notNullValue());
        // A repeat changes nothing.
        holder("passport-officer", id, "PUT").then().statusCode(200).body("holder.officer", equalTo("passport-officer"));

        // The other officer is told who holds it, and changes nothing.
        holder("passport-officer2", id, "PUT").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(HELD)).body("detail", containsString("passport-officer"));
        move("passport-officer2", id, "UNDER_REVIEW").then().statusCode(409).body("type", equalTo(HELD));
        holder("passport-officer2", id, "DELETE").then().statusCode(409).body("type", equalTo(HELD));
        read("passport-officer2", id).then().body("status", equalTo("SUBMITTED"))
                .body("holder.officer", equalTo("passport-officer"));

        // Each officer's own list, and the cases nobody holds.
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("held", "MINE").queryParam("size", 100)
                .when().get(PATH).then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.of("passport-officer2")).queryParam("held", "MINE").queryParam("size", 100)
                .when().get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("passport-officer2")).queryParam("held", "NOBODY").queryParam("size", 100)
                .when().get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("held", "everyone")
                .when().get(PATH).then().statusCode(400).body("errors.field", hasItem("held"));

        // The applicant sees their application, not who holds it.
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id)
                .then().statusCode(200).body("holder", nullValue());
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/mine")
                .then().statusCode(200).body("find { it.id == '" + id + "' }.holder", nullValue());

        // Let go: the other officer may now act, and by acting takes it.
        holder("passport-officer", id, "DELETE").then().statusCode(200).body("holder", nullValue());
        holder("passport-officer", id, "DELETE").then().statusCode(200).body("holder", nullValue());
        move("passport-officer2", id, "UNDER_REVIEW").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer2"));
        move("passport-officer", id, "APPROVED").then().statusCode(409).body("type", equalTo(HELD));
    }

    @Test
    void aFinishedApplicationIsNoOnesWork() {
        String id = submit();
        move("passport-officer", id, "UNDER_REVIEW").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer"));
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("held", "MINE").when().get(PATH)
                .then().statusCode(200).body("items.id", hasItem(id)); // newest first
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"to\":\"REJECTED\",\"reason\":\"신청 서류 미비\"}").when().post(PATH + "/" + id + "/transitions")
                .then().statusCode(200).body("holder", nullValue()); // let go on finishing
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("held", "MINE").when().get(PATH)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        holder("passport-officer2", id, "PUT").then().statusCode(409).contentType("application/problem+json");
        holder("passport-officer", id, "PUT").then().statusCode(409);
    }

    @Test
    void anUnknownApplicationIsNotFound() {
        holder("passport-officer", "7d3f0c1e-0000-4000-8000-0000000000ff", "PUT").then().statusCode(404);
        holder("passport-officer", "not-an-id", "DELETE").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    private static Response holder(String officer, String id, String method) {
        return given().auth().oauth2(Tokens.of(officer)).when().request(method, PATH + "/" + id + "/holder");
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
                .when().post(PATH).then().statusCode(201).body("holder", nullValue()).extract().path("id");
    }
}
