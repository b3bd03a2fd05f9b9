package kr.civilportal.land.owner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Land officers record changes of owner; the history only grows; names are masked for everyone else. */
@QuarkusTest
class OwnerChangeResourceTest {

    private static final String OWNERS = "/api/land/v1/parcels/{pnu}/owners";
    private static final String PARCEL = "/api/land/v1/parcels/{pnu}";
    /** 부산광역시 중구 영주동 680-3, owned by 신유진 in the demo data; changed only by this test class. */
    private static final String YEONGJU_680_3 = "2611010100106800003";
    /** 경기도 가평군 가평읍 읍내리 487, owned by 조은비; changed only by this test class. */
    private static final String EUNNAE_487 = "4182025021104870000";
    /** 부산광역시 중구 영주동 45: the target of refused changes, which must leave it as it is. */
    private static final String YEONGJU_45 = "2611010100100450000";
    private static final String VALID = "{\"ownerName\":\"한지민\",\"share\":\"1/1\",\"changedOn\":\"2025-06-30\",\"cause\":\"SALE\"}";

    @Inject
    DataSource dataSource;

    @Test
    void aLandOfficerRecordsAChangeAsANewEntryAndEarlierEntriesStay() throws SQLException {
        List<String> before = history(YEONGJU_680_3);
        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON)
                .body("{\"ownerName\":\" 한지민 \",\"share\":\"1/2\",\"changedOn\":\"2025-06-30\",\"cause\":\"INHERITANCE\"}")
                .when().post(OWNERS, YEONGJU_680_3)
                .then().statusCode(201)
                .header("Location", endsWith("/api/land/v1/parcels/" + YEONGJU_680_3))
                .body("sequence", equalTo(before.size() + 1))
                // The officer who recorded it sees the name in full, blanks trimmed.
                .body("ownerName", equalTo("한지민"))
                .body("share", equalTo("1/2"))
                .body("changedOn", equalTo("2025-06-30"))
                .body("cause", equalTo("INHERITANCE"))
                .body("causeKo", equalTo("상속"))
                .body("recordedAt", notNullValue());

        List<String> after = history(YEONGJU_680_3);
        assertEquals(before.size() + 1, after.size());
        assertEquals(before, after.subList(0, before.size()), "earlier entries are unchanged");
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT recorded_by FROM owner_change WHERE pnu = '" + YEONGJU_680_3
                     + "' ORDER BY seq DESC LIMIT 1")) {
            r.next();
            assertEquals(36, r.getString(1).length(), "the officer's account (token subject) is kept");
        }
    }

    @Test
    void theOfficerSeesNamesInFullAndEveryoneElseMasked() {
        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON)
                .body("{\"ownerName\":\"남궁민수\",\"share\":\"1/1\",\"changedOn\":\"2024-12-01\",\"cause\":\"GIFT\"}")
                .when().post(OWNERS, EUNNAE_487).then().statusCode(201);

        given().auth().oauth2(Tokens.of("land-officer")).when().get(PARCEL, EUNNAE_487)
                .then().statusCode(200)
                .body("ownerHistory.ownerName", contains("남궁민수", "조은비"))
                .body("ownerHistory.cause", contains("GIFT", "SALE"))
                .body("ownerHistory.sequence", contains(2, 1));
        for (String user : List.of("citizen", "citizen2", "residency-officer", "passport-officer", "dispatcher", "admin")) {
            given().auth().oauth2(Tokens.of(user)).when().get(PARCEL, EUNNAE_487)
                    .then().statusCode(200)
                    .body("ownerHistory.ownerName", contains("남**수", "조*비"))
                    .body("ownerHistory.share", contains("1/1", "1/1"))
                    .body("ownerHistory.changedOn", contains("2024-12-01", "2001-03-09"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"citizen", "residency-officer", "passport-officer", "dispatcher", "admin"})
    void onlyLandOfficersRecordChanges(String user) throws SQLException {
        List<String> before = history(YEONGJU_45);
        given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(VALID)
                .when().post(OWNERS, YEONGJU_45)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:forbidden"));
        assertEquals(before, history(YEONGJU_45));
    }

    @Test
    void withoutATokenARecordIsA401() throws SQLException {
        List<String> before = history(YEONGJU_45);
        given().contentType(ContentType.JSON).body(VALID)
                .when().post(OWNERS, YEONGJU_45)
                .then().statusCode(401)
                .contentType("application/problem+json");
        assertEquals(before, history(YEONGJU_45));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"share\":\"1/1\",\"changedOn\":\"2025-06-30\",\"cause\":\"SALE\"}|ownerName",
            "{\"ownerName\":\"  \",\"share\":\"1/1\",\"changedOn\":\"2025-06-30\",\"cause\":\"SALE\"}|ownerName",
            "{\"ownerName\":\"한지민\",\"share\":\"half\",\"changedOn\":\"2025-06-30\",\"cause\":\"SALE\"}|share",
            "{\"ownerName\":\"한지민\",\"share\":\"0/1\",\"changedOn\":\"2025-06-30\",\"cause\":\"SALE\"}|share",
            "{\"ownerName\":\"한지민\",\"share\":\"3/2\",\"changedOn\":\"2025-06-30\",\"cause\":\"SALE\"}|share",
            "{\"ownerName\":\"한지민\",\"share\":\"1/1\",\"cause\":\"SALE\"}|changedOn",
            "{\"ownerName\":\"한지민\",\"share\":\"1/1\",\"changedOn\":\"1909-12-31\",\"cause\":\"SALE\"}|changedOn",
            "{\"ownerName\":\"한지민\",\"share\":\"1/1\",\"changedOn\":\"2025-02-30\",\"cause\":\"SALE\"}|changedOn",
            "{\"ownerName\":\"한지민\",\"share\":\"1/1\",\"changedOn\":\"2025-06-30\"}|cause",
            "{\"ownerName\":\"한지민\",\"share\":\"1/1\",\"changedOn\":\"2025-06-30\",\"cause\":\"THEFT\"}|cause",
            "{\"ownerName\":\"한지민\",\"share\":\"1/1\",\"changedOn\":\"2025-06-30\",\"cause\":1}|cause",
    })
    void invalidInputIsAFieldErrorAndRecordsNothing(String caseLine) throws SQLException {
        String[] parts = caseLine.split("\\|");
        List<String> before = history(YEONGJU_45);
        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON).body(parts[0])
                .when().post(OWNERS, YEONGJU_45)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("errors.field", hasItem(parts[1]));
        assertEquals(before, history(YEONGJU_45));
    }

    @Test
    void aDateInTheFutureIsRefused() throws SQLException {
        List<String> before = history(YEONGJU_45);
        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON)
                .body(VALID.replace("2025-06-30", LocalDate.now(KoreanTime.ZONE).plusDays(1).toString()))
                .when().post(OWNERS, YEONGJU_45)
                .then().statusCode(400)
                .body("errors.field", hasItem("changedOn"));
        assertEquals(before, history(YEONGJU_45));
    }

    @Test
    void anEmptyOrBrokenBodyIsA400() {
        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON).body("{\"ownerName\":")
                .when().post(OWNERS, YEONGJU_45)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON)
                .when().post(OWNERS, YEONGJU_45)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownParcelIsA404AndAMalformedPnuA400() {
        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON).body(VALID)
                .when().post(OWNERS, "1111010100199990000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"));
        given().auth().oauth2(Tokens.of("land-officer")).contentType(ContentType.JSON).body(VALID)
                .when().post(OWNERS, "1111010100300010000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("pnu"));
    }

    /** The parcel's owner history as stored, oldest first, every column. */
    private List<String> history(String pnu) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT seq, owner_name, share_numerator, share_denominator, changed_on, cause,"
                     + " recorded_at, recorded_by FROM owner_change WHERE pnu = '" + pnu + "' ORDER BY seq")) {
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 8; i++) {
                    row.append(r.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
