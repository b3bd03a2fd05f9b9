package kr.civilportal.passport.workflow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.identity.IdentityFixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An application left in 보완요청 past its deadline is rejected (반려) with the deadline in its reason; one still
 * within its deadline, and one the citizen answered, are left alone; one whose identity was settled while it waited
 * (a history step that keeps its status) is rejected by its request's deadline all the same. The job is called with the day to judge by,
 * as the clock would give it.
 */
@QuarkusTest
class SupplementDeadlineTest {

    private static final String PATH = "/api/passport/v1/applications";

    @Inject
    SupplementDeadlineJob job;

    @Test
    void anApplicationWithoutASupplementByItsDeadlineIsRejectedAndTheOthersAreNot() {
        LocalDate today = LocalDate.now(KoreanTime.ZONE);
        String overdue = askedForASupplementBy(today.plusDays(1));
        String withinDeadline = askedForASupplementBy(today.plusDays(5));
        String answered = askedForASupplementBy(today.plusDays(1));
        // The identity settled while it waits (an officer at the desk, or residency answering late): a history step
        // that keeps the status SUPPLEMENT_REQUESTED, without a deadline; the request's deadline still holds.
        String identitySettledMeanwhile = askedForASupplementBy(today.plusDays(1));
        IdentityFixtures.confirmedByOfficer(identitySettledMeanwhile);
        given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + answered + "/resubmission")
                .then().statusCode(200);

        // On the deadline day itself the citizen may still answer.
        job.rejectOverdue(today.plusDays(1));
        statusIs(overdue, "SUPPLEMENT_REQUESTED");
        statusIs(identitySettledMeanwhile, "SUPPLEMENT_REQUESTED");

        assertTrue(job.rejectOverdue(today.plusDays(2)) >= 2, "the overdue applications are rejected");
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + overdue)
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("history[-1].from", equalTo("SUPPLEMENT_REQUESTED"))
                .body("history[-1].by", equalTo(Workflow.DEADLINE_ACTOR))
                .body("history[-1].reason", equalTo("보완 기한(" + today.plusDays(1)
                        + ")까지 보완이 없어 반려되었습니다 (no supplement by the deadline)"));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + identitySettledMeanwhile)
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("identityCheck", equalTo("CONFIRMED_BY_OFFICER"))
                .body("history[-1].by", equalTo(Workflow.DEADLINE_ACTOR))
                .body("history[-1].reason", equalTo("보완 기한(" + today.plusDays(1)
                        + ")까지 보완이 없어 반려되었습니다 (no supplement by the deadline)"));
        statusIs(withinDeadline, "SUPPLEMENT_REQUESTED");
        statusIs(answered, "UNDER_REVIEW");

        given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + overdue + "/resubmission")
                .then().statusCode(409).contentType("application/problem+json");
    }

    private static String askedForASupplementBy(LocalDate deadline) {
        String id = WorkflowResourceTest.submit("TEN_YEARS", 58);
        move(id, "{\"to\":\"UNDER_REVIEW\"}");
        move(id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"사진 규격 불일치\",\"supplementDeadline\":\""
                + deadline + "\"}");
        return id;
    }

    private static void move(String id, String body) {
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + id + "/transitions").then().statusCode(200);
    }

    private static void statusIs(String id, String status) {
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id)
                .then().statusCode(200).body("status", equalTo(status));
    }
}
