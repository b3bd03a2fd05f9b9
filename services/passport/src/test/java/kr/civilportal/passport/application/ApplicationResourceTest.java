package kr.civilportal.passport.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.passport.demo.DemoApplications;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationResourceTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String CITIZEN_SUB = "a1c2e3f4-0000-4000-8000-000000000001";
    private static final String VALIDATION = "urn:civilportal:problem:validation-failed";
    private static final String MALFORMED = "urn:civilportal:problem:malformed-request";

    @Inject
    DataSource dataSource;

    @Test
    void aCitizenSubmitsAndReadsBackTheStatus() throws SQLException {
        long before = rows();
        var created = given().auth().oauth2(Tokens.of("citizen"))
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH)
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("kind", equalTo("NEW"))
                .body("validity", equalTo("TEN_YEARS"))
                .body("pages", equalTo(58))
                .body("status", equalTo("SUBMITTED"))
                .body("submittedAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertEquals(before + 1, rows());
        String location = created.header("Location");
        org.hamcrest.MatcherAssert.assertThat(location, endsWith(PATH + "/" + id));

        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("SUBMITTED"))
                .body("pages", equalTo(58))
                .body("submittedAt", equalTo(created.path("submittedAt")));

        // Whose it is comes from the token: its subject and resident_id claim.
        assertEquals(List.of(CITIZEN_SUB, DemoApplications.CITIZEN_RESIDENT.toString()),
                columns("SELECT applicant_subject, applicant_resident_id::text FROM passport_application WHERE id = '"
                        + UUID.fromString(id) + "'"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameApplicationNotASecond() throws SQLException {
        String key = UUID.randomUUID().toString();
        String body = "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":26}";
        long before = rows();
        String first = given().auth().oauth2(Tokens.of("citizen")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", (String) null)
                .extract().path("id");
        // The phone lost the answer and sends it again: the same application, nothing new stored.
        given().auth().oauth2(Tokens.of("citizen")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith(PATH + "/" + first))
                .body("id", equalTo(first)).body("pages", equalTo(26));
        assertEquals(before + 1, rows());
        // The same key for other choices is refused, and changes nothing.
        given().auth().oauth2(Tokens.of("citizen")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH)
                .then().statusCode(422).contentType("application/problem+json");
        // Another citizen's key space is their own: the same key is a new application for them.
        given().auth().oauth2(Tokens.of("citizen2")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", (String) null)
                .body("id", not(equalTo(first)));
        assertEquals(before + 2, rows());
        // A malformed key is a clear 400, and nothing is stored.
        given().auth().oauth2(Tokens.of("citizen")).header("Idempotency-Key", "x".repeat(300))
                .contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before + 2, rows());
    }

    @Test
    void myApplicationsAreMineOnlyNewestFirst() {
        String first = submit("citizen", "NEW", "FIVE_YEARS", 26);
        String second = submit("citizen", "REISSUE", "TEN_YEARS", 58);

        List<String> mine = given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH + "/mine")
                .then().statusCode(200)
                .body("id", hasItem(DemoApplications.OPEN_APPLICATION.toString()))
                .extract().path("id");
        assertEquals(List.of(second, first), mine.subList(0, 2));

        given().auth().oauth2(Tokens.of("citizen2"))
                .when().get(PATH + "/mine")
                .then().statusCode(200)
                .body("id", not(hasItem(first)))
                .body("id", not(hasItem(DemoApplications.OPEN_APPLICATION.toString())));
    }

    @Test
    void anotherCitizenCannotTellThatTheApplicationExists() {
        String id = submit("citizen", "NEW", "TEN_YEARS", 58);
        var foreign = given().auth().oauth2(Tokens.of("citizen2"))
                .when().get(PATH + "/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"))
                .extract();
        var unknown = given().auth().oauth2(Tokens.of("citizen2"))
                .when().get(PATH + "/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .extract();
        assertEquals(unknown.path("detail"), (Object) foreign.path("detail"), "the same answer as for an unknown id");
        assertEquals(unknown.path("detailKo"), (Object) foreign.path("detailKo"));
    }

    @Test
    void aMalformedIdIsABadRequest() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH + "/not-a-uuid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("id"));
    }

    @Test
    void anOfficerReadsAnyApplicationAndListsIt() {
        String id = submit("citizen", "REISSUE", "FIVE_YEARS", 26);
        given().auth().oauth2(Tokens.of("passport-officer"))
                .when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("kind", equalTo("REISSUE"));

        given().auth().oauth2(Tokens.of("passport-officer"))
                .queryParam("status", "SUBMITTED").queryParam("size", 100)
                .when().get(PATH)
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(100))
                .body("items[0].id", equalTo(id))
                .body("items.status", everyItem(equalTo("SUBMITTED")))
                .body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void theOfficersListIsPagedAndFiltered() throws SQLException {
        submit("citizen2", "NEW", "TEN_YEARS", 58);
        long total = rows();
        given().auth().oauth2(Tokens.of("passport-officer"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.size()", equalTo((int) Math.min(total, 20)))
                .body("total", equalTo((int) total));

        String onlyFirst = given().auth().oauth2(Tokens.of("passport-officer"))
                .queryParam("page", 0).queryParam("size", 1)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("total", equalTo((int) total))
                .extract().path("items[0].id");
        String onlySecond = given().auth().oauth2(Tokens.of("passport-officer"))
                .queryParam("page", 1).queryParam("size", 1)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .extract().path("items[0].id");
        assertNotEquals(onlyFirst, onlySecond);

        given().auth().oauth2(Tokens.of("passport-officer"))
                .queryParam("status", "ISSUED")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.id", hasItem(DemoApplications.ISSUED_APPLICATION.toString()))
                .body("items.status", everyItem(equalTo("ISSUED")));

        given().auth().oauth2(Tokens.of("passport-officer"))
                .queryParam("page", 1000)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo((int) total));
        assertEquals(total, rows(), "reading changes nothing");
    }

    @Test
    void badPagingParametersAreFieldErrors() {
        String officer = Tokens.of("passport-officer");
        for (var bad : List.of(List.of("size", "0"), List.of("size", "101"), List.of("size", "abc"),
                List.of("page", "-1"), List.of("page", "x"), List.of("status", "DONE"))) {
            given().auth().oauth2(officer)
                    .queryParam(bad.get(0), bad.get(1))
                    .when().get(PATH)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION))
                    .body("errors.field", hasItem(bad.get(0)));
        }
    }

    @Test
    void aCitizenIsForbiddenTheOfficersList() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:forbidden"));
    }

    @Test
    void anOfficerWithoutTheCitizenRoleCannotApply() throws SQLException {
        long before = rows();
        given().auth().oauth2(Tokens.of("passport-officer"))
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("residency-officer"))
                .when().get(PATH + "/" + DemoApplications.OPEN_APPLICATION)
                .then().statusCode(403);
        assertEquals(before, rows());
    }

    @Test
    void withoutATokenEveryEndpointAnswersAProblem401() throws SQLException {
        long before = rows();
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:civilportal:problem:unauthenticated"));
        for (String path : List.of(PATH, PATH + "/mine", PATH + "/" + DemoApplications.OPEN_APPLICATION)) {
            given().when().get(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:unauthenticated"));
        }
        assertEquals(before, rows());
    }

    @Test
    void invalidFieldsAreReportedAndNothingIsStored() throws SQLException {
        long before = rows();
        rejected("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":30}", VALIDATION)
                .body("errors.field", hasItem("pages"))
                .body("errors.detail", hasItem(containsString("26")));
        rejected("{\"validity\":\"TEN_YEARS\",\"pages\":58}", VALIDATION)
                .body("errors.field", hasItem("kind"));
        rejected("{}", VALIDATION)
                .body("errors.field", hasItems("kind", "validity", "pages"));
        rejected("{\"kind\":\"OLD\",\"validity\":\"TEN_YEARS\",\"pages\":58}", VALIDATION)
                .body("errors.field", hasItem("kind"));
        rejected("{\"kind\":0,\"validity\":\"TEN_YEARS\",\"pages\":58}", VALIDATION)
                .body("errors.field", hasItem("kind"));
        rejected("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58.5}", VALIDATION)
                .body("errors.field", hasItem("pages"));
        rejected("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":\"many\"}", VALIDATION)
                .body("errors.field", hasItem("pages"));
        assertEquals(before, rows(), "bad input changes nothing");
    }

    @Test
    void malformedBodiesAreRefusedAndNothingIsStored() throws SQLException {
        long before = rows();
        rejected("{\"kind\":\"NEW\",", MALFORMED);
        rejected("not json", MALFORMED);
        rejected("[1,2]", null);
        rejected("", null);
        given().auth().oauth2(Tokens.of("citizen"))
                .contentType(ContentType.TEXT)
                .body("kind=NEW")
                .when().post(PATH)
                .then().statusCode(415)
                .contentType("application/problem+json");
        assertEquals(before, rows(), "bad input changes nothing");
    }

    /** Posts a body as citizen and expects a 400 problem (of the given type, if not null). */
    private static ValidatableResponse rejected(String body, String type) {
        ValidatableResponse response = given().auth().oauth2(Tokens.of("citizen"))
                .contentType(ContentType.JSON)
                .body(body)
                .when().post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        return type == null ? response : response.body("type", equalTo(type));
    }

    private static String submit(String user, String kind, String validity, int pages) {
        return given().auth().oauth2(Tokens.of(user))
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"" + kind + "\",\"validity\":\"" + validity + "\",\"pages\":" + pages + "}")
                .when().post(PATH)
                .then().statusCode(201)
                .extract().path("id");
    }

    private long rows() throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM passport_application")) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<String> columns(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return List.of(r.getString(1), r.getString(2));
        }
    }
}
