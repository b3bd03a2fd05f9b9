package kr.civilportal.passport.workflow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.civilportal.passport.application.ApplicationKind;
import kr.civilportal.passport.application.Validity;
import kr.civilportal.passport.fee.FeeSchedule;
import kr.civilportal.passport.identity.IdentityFixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkflowResourceTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String OFFICER_SUB = "a1c2e3f4-0000-4000-8000-000000000012";
    private static final String CITIZEN_SUB = "a1c2e3f4-0000-4000-8000-000000000001";
    private static final String INVALID = "urn:civilportal:problem:invalid-transition";
    private static final String VALIDATION = "urn:civilportal:problem:validation-failed";

    @Inject
    DataSource dataSource;

    @Test
    void anApplicationGoesFromSubmittedToIssuedAndTheCitizenSeesEveryStep() throws SQLException {
        String id = submit("FIVE_YEARS", 26);
        IdentityFixtures.confirmedByOfficer(id);
        for (String to : List.of("UNDER_REVIEW", "APPROVED", "PRINTING", "READY_FOR_PICKUP", "ISSUED")) {
            move(id, "{\"to\":\"" + to + "\"}").then().statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("status", equalTo(to));
        }
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("status", equalTo("ISSUED"))
                // The fee of the day it was submitted (the table changes on set dates; FeeScheduleTest pins the amounts).
                .body("fee.totalKrw", equalTo(FeeSchedule.feeOf(ApplicationKind.NEW, Validity.FIVE_YEARS, 26,
                        LocalDate.now(ZoneId.of("Asia/Seoul"))).totalKrw()))
                .body("history", hasSize(7))
                .body("history[0].from", nullValue())
                .body("history[0].to", equalTo("SUBMITTED"))
                .body("history[0].by", equalTo(CITIZEN_SUB))
                // The officer's identity check by hand (residency is down in these tests) keeps the status.
                .body("history[1].identityCheck", equalTo("CONFIRMED_BY_OFFICER"))
                .body("history[1].by", equalTo(OFFICER_SUB))
                .body("history.to", equalTo(List.of("SUBMITTED", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "PRINTING",
                        "READY_FOR_PICKUP", "ISSUED")))
                .body("history[6].from", equalTo("READY_FOR_PICKUP"))
                .body("history[6].by", equalTo(OFFICER_SUB));
        assertEquals(7, historyRows(id));
        assertEquals("ISSUED", statusOf(id));
    }

    @Test
    void aSupplementRequestWaitsForTheApplicantsResubmission() throws SQLException {
        String id = submit("TEN_YEARS", 58);
        move(id, "{\"to\":\"UNDER_REVIEW\"}").then().statusCode(200);
        String deadline = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(14).toString();
        move(id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"사진 규격 불일치 (photo does not meet the rules)\","
                + "\"supplementDeadline\":\"" + deadline + "\"}")
                .then().statusCode(200)
                .body("status", equalTo("SUPPLEMENT_REQUESTED"))
                .body("history[2].reason", equalTo("사진 규격 불일치 (photo does not meet the rules)"))
                .body("history[2].supplementDeadline", equalTo(deadline));

        // Review resumes on the applicant's resubmission, not on an officer's word; nobody else may resubmit.
        move(id, "{\"to\":\"UNDER_REVIEW\"}").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(INVALID));
        given().auth().oauth2(Tokens.of("citizen2")).when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(3, historyRows(id));

        given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("history", hasSize(4))
                .body("history[3].from", equalTo("SUPPLEMENT_REQUESTED"))
                .body("history[3].by", equalTo(CITIZEN_SUB));
        given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(409).body("type", equalTo(INVALID));
        assertEquals(4, historyRows(id));
    }

    @Test
    void aRejectionCarriesItsReasonAndIsFinal() throws SQLException {
        String id = submit("TEN_YEARS", 26);
        move(id, "{\"to\":\"REJECTED\",\"reason\":\"신원 확인 불가 (identity not confirmed)\"}")
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("history[1].reason", equalTo("신원 확인 불가 (identity not confirmed)"));
        move(id, "{\"to\":\"UNDER_REVIEW\"}").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID))
                .body("status", equalTo(409));
        assertEquals("REJECTED", statusOf(id));
        assertEquals(2, historyRows(id));
    }

    @Test
    void anInvalidTransitionIsAConflictAndChangesNothing() throws SQLException {
        String id = submit("TEN_YEARS", 58);
        for (String to : List.of("APPROVED", "PRINTING", "ISSUED", "SUBMITTED", "SUPPLEMENT_REQUESTED\",\"reason\":\"x\","
                + "\"supplementDeadline\":\"2999-01-01")) {
            move(id, "{\"to\":\"" + to + "\"}").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo(INVALID));
        }
        // The status the officer saw is checked when given.
        move(id, "{\"to\":\"UNDER_REVIEW\",\"from\":\"APPROVED\"}").then().statusCode(409).body("type", equalTo(INVALID));
        assertEquals("SUBMITTED", statusOf(id));
        assertEquals(1, historyRows(id));
        move(id, "{\"to\":\"UNDER_REVIEW\",\"from\":\"SUBMITTED\"}").then().statusCode(200);
    }

    @Test
    void badInputIsAFieldErrorAndChangesNothing() throws SQLException {
        String id = submit("TEN_YEARS", 58);
        move(id, "{\"to\":\"UNDER_REVIEW\"}").then().statusCode(200);
        move(id, "{\"to\":\"REJECTED\"}").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(VALIDATION)).body("errors.field", hasItem("reason"));
        move(id, "{\"to\":\"REJECTED\",\"reason\":\"   \"}").then().statusCode(400).body("errors.field", hasItem("reason"));
        move(id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"photo\"}").then().statusCode(400)
                .body("errors.field", hasItem("supplementDeadline"));
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        move(id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"photo\",\"supplementDeadline\":\"" + today + "\"}")
                .then().statusCode(400).body("errors.field", hasItem("supplementDeadline"));
        move(id, "{\"to\":\"DONE\"}").then().statusCode(400).body("errors.field", hasItem("to"));
        move(id, "{}").then().statusCode(400).body("errors.field", hasItem("to"));
        move(id, "{\"to\":\"REJECTED\",\"reason\":\"" + "x".repeat(501) + "\"}").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        move("not-a-uuid", "{\"to\":\"APPROVED\"}").then().statusCode(400).body("errors.field", hasItem("id"));
        move(UUID.randomUUID().toString(), "{\"to\":\"APPROVED\"}").then().statusCode(404);
        assertEquals("UNDER_REVIEW", statusOf(id));
        assertEquals(2, historyRows(id));
    }

    @Test
    void onlyPassportOfficersMoveApplications() throws SQLException {
        String id = submit("TEN_YEARS", 58);
        for (String user : List.of("citizen", "residency-officer")) {
            given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body("{\"to\":\"UNDER_REVIEW\"}")
                    .when().post(PATH + "/" + id + "/transitions")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"to\":\"UNDER_REVIEW\"}")
                .when().post(PATH + "/" + id + "/transitions")
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals("SUBMITTED", statusOf(id));
        assertEquals(1, historyRows(id));
    }

    @Test
    void twoOfficersActingAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        String officer = Tokens.of("passport-officer");
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            String id = submit("TEN_YEARS", 58);
            IdentityFixtures.confirmedByOfficer(id);
            move(id, "{\"to\":\"UNDER_REVIEW\"}").then().statusCode(200);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // One approves, the other rejects, both having seen UNDER_REVIEW.
                List<Callable<Integer>> actions = List.of(
                        () -> { start.await(); return given().auth().oauth2(officer).contentType(ContentType.JSON)
                                .body("{\"to\":\"APPROVED\",\"from\":\"UNDER_REVIEW\"}")
                                .post(PATH + "/" + id + "/transitions").statusCode(); },
                        () -> { start.await(); return given().auth().oauth2(officer).contentType(ContentType.JSON)
                                .body("{\"to\":\"REJECTED\",\"from\":\"UNDER_REVIEW\",\"reason\":\"duplicate\"}")
                                .post(PATH + "/" + id + "/transitions").statusCode(); });
                List<Future<Integer>> futures = new ArrayList<>();
                for (Callable<Integer> a : actions) {
                    futures.add(pool.submit(a));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : futures) {
                    codes.add(f.get(60, TimeUnit.SECONDS));
                }
                codes.sort(null);
                assertEquals(List.of(200, 409), codes);
                assertEquals(4, historyRows(id), "exactly one of the two moves is recorded");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theHistoryIsAppendOnly() throws SQLException {
        String id = submit("TEN_YEARS", 58);
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE passport_status_change SET reason = 'x' WHERE application_id = '" + id + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "DELETE FROM passport_status_change WHERE application_id = '" + id + "'"));
        }
        assertEquals(1, historyRows(id));
    }

    private static io.restassured.response.Response move(String id, String body) {
        return given().auth().oauth2(Tokens.of("passport-officer"))
                .contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + id + "/transitions");
    }

    static String submit(String validity, int pages) {
        return given().auth().oauth2(Tokens.of("citizen"))
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"" + validity + "\",\"pages\":" + pages + "}")
                .when().post(PATH)
                .then().statusCode(201)
                .body("history", hasSize(1))
                .extract().path("id");
    }

    private long historyRows(String id) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM passport_status_change WHERE application_id = '" + id + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private String statusOf(String id) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT status FROM passport_application WHERE id = '" + id + "'")) {
            r.next();
            return r.getString(1);
        }
    }
}
