package kr.civilportal.land.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import kr.civilportal.common.testing.KeyedWrite;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every write of land-registry, sent twice under one Idempotency-Key as a phone or the gateway does after a lost
 * answer: done once, the retry gets the first answer; the key for another request is a 422 that changes nothing.
 */
@QuarkusTest
class RetriedWritesTest {

    static final String EXTRACTS = "/api/land/v1/extracts";
    static final String OWNERS = "/api/land/v1/parcels/%s/owners";
    /** 서울특별시 강남구 대치동 988 and 역삼동 750 of the demo data: used by no other test class. */
    static final String DAECHI_988 = "1168010600109880000";
    static final String YEOKSAM_750 = "1168010100107500000";

    @Inject
    DataSource dataSource;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    @Test
    void aRetriedExtractIsTheSameExtractAndPdfAndIssuesNoSecond() {
        long before = extractsOf(YEOKSAM_750);
        KeyedWrite issue = KeyedWrite.post(EXTRACTS, () -> as("citizen").body("{\"pnu\":\"" + YEOKSAM_750 + "\"}"));
        Response first = issue.twice();
        first.then().statusCode(201).contentType("application/pdf");
        assertEquals(before + 1, extractsOf(YEOKSAM_750), "one extract");
        Response again = issue.send();
        assertEquals(first.header("Issuance-Number"), again.header("Issuance-Number"));
        assertEquals(first.header("Content-Hash"), again.header("Content-Hash"));

        issue.reusedFor(() -> as("citizen").body("{\"pnu\":\"" + DAECHI_988 + "\"}"));
        assertEquals(0, extractsOf(DAECHI_988), "nothing issued under the reused key");
    }

    @Test
    void aRetriedOwnerChangeIsRecordedOnce() {
        String owners = OWNERS.formatted(DAECHI_988);
        long before = changesOf(DAECHI_988);
        String body = "{\"ownerName\":\"정하늘\",\"share\":\"1/1\",\"changedOn\":\"2025-09-01\",\"cause\":\"SALE\"}";
        KeyedWrite change = KeyedWrite.post(owners, () -> as("land-officer").body(body));
        change.twice().then().statusCode(201).header("Location", endsWith("/api/land/v1/parcels/" + DAECHI_988))
                .body("sequence", equalTo((int) before + 1));
        assertEquals(before + 1, changesOf(DAECHI_988), "one new entry in the owner history");

        change.reusedFor(() -> as("land-officer").body(body.replace("정하늘", "정바다")));
        // The same body on another parcel is another request too.
        change.reusedFor(Method.POST, OWNERS.formatted(YEOKSAM_750), () -> as("land-officer").body(body));
        assertEquals(before + 1, changesOf(DAECHI_988), "nothing recorded under the reused key");
        assertEquals(0, Rows.count(dataSource, "SELECT count(*) FROM owner_change WHERE owner_name = '정바다'"));
        assertEquals(0, Rows.count(dataSource,
                "SELECT count(*) FROM owner_change WHERE pnu = ? AND owner_name = '정하늘'", YEOKSAM_750));
    }

    private long extractsOf(String pnu) {
        return Rows.count(dataSource, "SELECT count(*) FROM land_extract WHERE pnu = ?", pnu);
    }

    private long changesOf(String pnu) {
        return Rows.count(dataSource, "SELECT count(*) FROM owner_change WHERE pnu = ?", pnu);
    }
}
