package kr.civilportal.land.parcel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Parcel reads are cached and revalidated with ETags; a change of owner shows at once, on this replica and,
 * through the database notification, on any other.
 */
@QuarkusTest
class ParcelCachingTest {

    private static final String PATH = "/api/land/v1/parcels/{pnu}";
    /** 서울특별시 강남구 역삼동 824, owned by 장미경 in the demo data; only this test changes it. */
    private static final String YEOKSAM_824 = "1168010100108240000";
    /** 서울특별시 강남구 역삼동 830-21, owned by 임하늘; only this test changes it. */
    private static final String YEOKSAM_830_21 = "1168010100108300021";
    /** 서울특별시 종로구 신교동 63, never changed by any test. */
    private static final String SINGYO_63 = "1111010200100630000";

    @Inject
    DataSource dataSource;

    @Test
    void aReadCarriesAnETagAndCacheControl() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH, SINGYO_63)
                .then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern("^\"[A-Za-z0-9_-]{22}\"$"))
                .header("Cache-Control", equalTo("private, no-cache"))
                .header("Vary", org.hamcrest.Matchers.containsString("Authorization"));
    }

    @Test
    void theSameETagGets304WithoutABody() {
        String etag = etag("citizen", SINGYO_63);
        given().auth().oauth2(Tokens.of("citizen")).header("If-None-Match", etag)
                .when().get(PATH, SINGYO_63)
                .then().statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", equalTo("private, no-cache"))
                .body(equalTo(""));
        // Any of several tags, and the wildcard, match too (RFC 9110).
        given().auth().oauth2(Tokens.of("citizen")).header("If-None-Match", "\"other\", " + etag)
                .when().get(PATH, SINGYO_63).then().statusCode(304);
        given().auth().oauth2(Tokens.of("citizen")).header("If-None-Match", "*")
                .when().get(PATH, SINGYO_63).then().statusCode(304);
    }

    @Test
    void aStaleOrForeignETagGetsTheFullParcel() {
        given().auth().oauth2(Tokens.of("citizen")).header("If-None-Match", "\"not-the-current-one\"")
                .when().get(PATH, SINGYO_63)
                .then().statusCode(200)
                .body("pnu", equalTo(SINGYO_63));
    }

    @Test
    void officersAndCitizensSeeDifferentBodiesWithDifferentETags() {
        String citizenTag = etag("citizen", SINGYO_63);
        String officerTag = etag("land-officer", SINGYO_63);
        assertNotEquals(citizenTag, officerTag);
        // A citizen replaying an officer's tag must not be told "unchanged" about a body it never had.
        given().auth().oauth2(Tokens.of("citizen")).header("If-None-Match", officerTag)
                .when().get(PATH, SINGYO_63)
                .then().statusCode(200)
                .body("ownerHistory.ownerName", contains("정*빈"));
        assertEquals(citizenTag, etag("citizen2", SINGYO_63), "every non-officer gets the same representation");
    }

    @Test
    void anOwnerChangeShowsAtOnceAndTheOldETagNoLongerMatches() {
        String citizen = Tokens.of("citizen");
        String before = etag("citizen", YEOKSAM_824);
        given().auth().oauth2(citizen).when().get(PATH, YEOKSAM_824)
                .then().body("ownerHistory[0].ownerName", equalTo("장*경"));

        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON)
                .body("{\"ownerName\":\"문채원\",\"share\":\"1/1\",\"changedOn\":\"2025-02-14\",\"cause\":\"SALE\"}")
                .when().post(PATH + "/owners", YEOKSAM_824)
                .then().statusCode(201);

        // No waiting: the officer's own replica dropped the entry before answering.
        given().auth().oauth2(citizen).header("If-None-Match", before)
                .when().get(PATH, YEOKSAM_824)
                .then().statusCode(200)
                .header("ETag", not(equalTo(before)))
                .body("ownerHistory.ownerName", contains("문*원", "장*경"));
    }

    @Test
    void aChangeAnnouncedByAnotherReplicaDropsThisReplicasEntry() throws SQLException {
        String citizen = Tokens.of("citizen");
        given().auth().oauth2(citizen).when().get(PATH, YEOKSAM_830_21)
                .then().statusCode(200).body("ownerHistory.ownerName", contains("임*늘"));

        // Another replica's change, written straight to the database without the notification: this replica
        // keeps serving its cached copy, which shows that reads come from the cache.
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO owner_change (pnu, seq, owner_name, share_numerator, share_denominator,"
                    + " changed_on, cause, recorded_by) VALUES ('" + YEOKSAM_830_21 + "', 2, '변우석', 1, 1,"
                    + " DATE '2025-04-01', 'GIFT', 'other-replica')");
        }
        given().auth().oauth2(citizen).when().get(PATH, YEOKSAM_830_21)
                .then().body("ownerHistory.ownerName", contains("임*늘"));

        // The notification OwnerHistory sends with every change, from a session that is not this replica's
        // listener, as another replica would send it.
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("SELECT pg_notify('" + ParcelCache.CHANNEL + "', '" + YEOKSAM_830_21 + "')");
        }

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().auth().oauth2(citizen).when().get(PATH, YEOKSAM_830_21)
                        .then().statusCode(200).body("ownerHistory.ownerName", contains("변*석", "임*늘")));
    }

    private static String etag(String user, String pnu) {
        Response response = given().auth().oauth2(Tokens.of(user)).when().get(PATH, pnu);
        response.then().statusCode(200);
        return response.header("ETag");
    }

}
