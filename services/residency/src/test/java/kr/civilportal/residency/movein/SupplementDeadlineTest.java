package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A move-in report left in 보완 past its deadline is rejected (반려) with the deadline in its reason, by
 * {@code system:supplement-deadline}; one within its deadline, and one answered, are left alone. The job is called with
 * the day to judge by, as the clock would give it.
 */
@QuarkusTest
class SupplementDeadlineTest {

    static final String MINE = MoveInTest.MINE;
    static final String QUEUE = MoveInTest.QUEUE;

    @Inject
    SupplementDeadlineJob job;

    final LocalDate today = LocalDate.now(KoreanTime.ZONE);
    final String filer = Tokens.of("citizen2");
    String filed;

    @AfterEach
    void withdrawWhatIsStillOpen() {
        if (filed != null) {
            given().auth().oauth2(filer).when().post(MINE + "/" + filed + "/withdrawal");
        }
    }

    String askedBy(LocalDate deadline) {
        filed = given().auth().oauth2(filer).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + MoveInHolderTest.JONGNO + "\",\"movedInOn\":\""
                        + today + "\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("residency-officer")).when().put(QUEUE + "/" + filed + "/holder")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("residency-officer")).contentType("application/json")
                .body(MoveInSupplementTest.body("전입 사실 확인서", deadline))
                .when().post(QUEUE + "/" + filed + "/supplement-request").then().statusCode(200);
        return filed;
    }

    String status(String id) {
        return given().auth().oauth2(filer).when().get(MINE + "/" + id).then().statusCode(200).extract().path("status");
    }

    @Test
    void aReportWithoutASupplementByItsDeadlineIsRejectedOnTheDayAfter() {
        // One open report per resident: the same filer's reports, one after the other.
        String overdue = askedBy(today.plusDays(1));
        // On the deadline day itself the filer may still answer.
        job.rejectOverdue(today.plusDays(1));
        assertEquals("SUPPLEMENT_REQUESTED", status(overdue));

        assertTrue(job.rejectOverdue(today.plusDays(2)) >= 1, "the overdue report is rejected");
        given().auth().oauth2(filer).when().get(MINE + "/" + overdue).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo(MoveInSupplementing.reasonFor(today.plusDays(1))))
                .body("supplements[0].lapsed", equalTo(true));
        given().auth().oauth2(filer).contentType("application/json").body("{\"answer\":\"늦은 제출\"}")
                .when().post(MINE + "/" + overdue + "/supplement-answer").then().statusCode(409)
                .contentType("application/problem+json");
        // Nobody holds it any more; it is not counted as an officer's decision of today.
        given().auth().oauth2(Tokens.of("residency-officer")).queryParam("held", "MINE").when().get(QUEUE).then()
                .statusCode(200).body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(overdue)));

        String answered = askedBy(today.plusDays(1));
        given().auth().oauth2(filer).contentType("application/json").body("{\"answer\":\"제출\"}")
                .when().post(MINE + "/" + answered + "/supplement-answer").then().statusCode(200);
        job.rejectOverdue(today.plusDays(2));
        assertEquals("SUBMITTED", status(answered));
        given().auth().oauth2(filer).when().post(MINE + "/" + answered + "/withdrawal").then().statusCode(200);

        String within = askedBy(today.plusDays(5));
        job.rejectOverdue(today.plusDays(2));
        assertEquals("SUPPLEMENT_REQUESTED", status(within));
    }
}
