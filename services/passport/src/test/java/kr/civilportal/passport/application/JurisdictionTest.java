package kr.civilportal.passport.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * 관할: an application goes to the passport office its applicant names, and only that office's officers see it or
 * act on it. To an officer of another office it does not exist (404, as for an unknown id, so ids cannot be
 * probed), whatever the endpoint; their list and counts leave it out. Real tokens: `passport-officer` and
 * `passport-officer2` work for SEOUL-JONGNO, `passport-officer3` for BUSAN-CITY (the realm's `office` attribute,
 * the tokens' `offices` claim).
 */
@QuarkusTest
class JurisdictionTest {

    private static final String PATH = "/api/passport/v1/applications";

    @Test
    void anotherOfficesOfficerNeitherSeesNorActsOnAnApplication() {
        String id = submit("BUSAN-CITY");
        given().auth().oauth2(Tokens.of("citizen2")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("office", equalTo("BUSAN-CITY")); // the applicant sees where it went

        // Jongno's officers: as if it did not exist, on every endpoint that names it.
        for (String officer : List.of("passport-officer", "passport-officer2")) {
            as(officer).when().get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
            as(officer).body("{\"to\":\"UNDER_REVIEW\"}").when().post(PATH + "/" + id + "/transitions")
                    .then().statusCode(404);
            as(officer).body("{\"outcome\":\"CONFIRMED\",\"note\":\"신분증 대조\"}")
                    .when().post(PATH + "/" + id + "/identity-check").then().statusCode(404);
            as(officer).when().put(PATH + "/" + id + "/holder").then().statusCode(404);
            as(officer).when().delete(PATH + "/" + id + "/holder").then().statusCode(404);
            as(officer).when().get(PATH + "/" + id + "/assignees").then().statusCode(404);
            as(officer).body("{\"assignee\":\"a1c2e3f4-0000-4000-8000-000000000018\"}")
                    .when().post(PATH + "/" + id + "/holder/assignment").then().statusCode(404);
            as(officer).queryParam("reason", "본인 대조").when().get(PATH + "/" + id + "/photo").then().statusCode(404);
            as(officer).when().get(PATH + "/" + id + "/appointment").then().statusCode(404);
            as(officer).queryParam("status", "SUBMITTED").queryParam("size", 100).when().get(PATH).then()
                    .statusCode(200).body("items.id", not(hasItem(id)));
        }

        // Busan's officer: theirs.
        as("passport-officer3").queryParam("status", "SUBMITTED").when().get(PATH).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.office", not(hasItem("SEOUL-JONGNO")));
        as("passport-officer3").body("{\"to\":\"UNDER_REVIEW\"}").when().post(PATH + "/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"))
                .body("holder.officer", equalTo("passport-officer3"));
        as("passport-officer").when().get(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void theCountsAreTheOfficersOwnOffices() {
        long busan = received("passport-officer3");
        long jongno = received("passport-officer");
        submit("BUSAN-CITY");
        assertEquals(busan + 1, received("passport-officer3"));
        assertEquals(jongno, received("passport-officer"), "another office's application is not Jongno's work");
        submit("SEOUL-JONGNO");
        assertEquals(jongno + 1, received("passport-officer"));
        assertEquals(busan + 1, received("passport-officer3"));
    }

    @Test
    void theOfficeIsCheckedAndOneLeftOutIsTheDefault() {
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"office\":\"NOWHERE\"}")
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("office"));
        String id = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201).body("office", equalTo("SEOUL-JONGNO"))
                .extract().path("id");
        as("passport-officer").when().get(PATH + "/" + id).then().statusCode(200);
        as("passport-officer3").when().get(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void theOfficesClaimIsReadAsTheRealmSendsIt() {
        assertEquals(Set.of("BUSAN-CITY", "SEOUL-JONGNO"), Caller.officesOf(Json.createArrayBuilder()
                .add("BUSAN-CITY").add("SEOUL-JONGNO").add(" ").build()));
        assertEquals(Set.of("BUSAN-CITY"), Caller.officesOf("BUSAN-CITY"));
        assertEquals(Set.of(), Caller.officesOf(null));
        PassportApplication older = new PassportApplication();
        Caller busan = new Caller("sub", null, true, Set.of("BUSAN-CITY"));
        assertTrue(busan.mayRead(older), "an application from before offices is every officer's");
        older.officeId = "SEOUL-JONGNO";
        assertFalse(busan.mayRead(older));
        assertFalse(new Caller("sub", null, true).mayRead(older), "an officer of no office acts on no office's");
    }

    private static long received(String officer) {
        return ((Number) as(officer).when().get(PATH + "/counts").then().statusCode(200)
                .extract().path("received")).longValue();
    }

    private static String submit(String office) {
        return given().auth().oauth2(Tokens.of("citizen2")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"office\":\"" + office + "\"}")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post(PATH).then().statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification as(String officer) {
        return given().auth().oauth2(Tokens.of(officer)).contentType(ContentType.JSON);
    }
}
