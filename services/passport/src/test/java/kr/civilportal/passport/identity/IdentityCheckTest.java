package kr.civilportal.passport.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The identity check while residency is down (these tests run without it: a real outage, nothing listens at
 * its URL): applications are accepted and stay PENDING, the background job keeps trying, officers settle by
 * hand and may approve only then. Residency's answers are fed to the state logic directly where a test needs one.
 */
@QuarkusTest
class IdentityCheckTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String OFFICER_SUB = "a1c2e3f4-0000-4000-8000-000000000012";
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Inject
    IdentityChecks checks;

    @Test
    void whileResidencyIsDownAnApplicationIsAcceptedPendingAndTheJobKeepsTrying() throws Exception {
        String id = submit();
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("identityCheck", equalTo("PENDING"));
        // The background job asks again and again (each failure counted, the next try pushed back).
        Instant deadline = Instant.now().plus(JOB_DEADLINE);
        while (attempts(id) < 2) {
            assertTrue(Instant.now().isBefore(deadline), "the background job retried within " + JOB_DEADLINE);
            Thread.sleep(200);
        }
        assertEquals("PENDING", column(id, "identity_check"));
    }

    @Test
    void anOfficerMayNotApproveWhilePendingButMayAfterConfirmingByHand() {
        String id = submit();
        move(id, "UNDER_REVIEW").then().statusCode(200);
        move(id, "APPROVED").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:identity-not-verified"));
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"CONFIRMED\",\"note\":\"신분증 대조\"}")
                .when().post(PATH + "/" + id + "/identity-check")
                .then().statusCode(200)
                .body("identityCheck", equalTo("CONFIRMED_BY_OFFICER"))
                .body("history[2].identityCheck", equalTo("CONFIRMED_BY_OFFICER"))
                .body("history[2].by", equalTo(OFFICER_SUB))
                .body("history[2].reason", equalTo("신분증 대조"))
                .body("history[2].from", equalTo("UNDER_REVIEW"))
                .body("history[2].to", equalTo("UNDER_REVIEW"));
        move(id, "APPROVED").then().statusCode(200).body("status", equalTo("APPROVED"));
        // Settled once: a second settlement is a conflict and changes nothing.
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REFUTED\",\"note\":\"changed my mind\"}")
                .when().post(PATH + "/" + id + "/identity-check")
                .then().statusCode(409).body("type", equalTo("urn:civilportal:problem:identity-check-settled"));
    }

    @Test
    void aRefutedIdentityCanOnlyBeRejected() {
        String id = submit();
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REFUTED\",\"note\":\"신분증 사진 불일치\"}")
                .when().post(PATH + "/" + id + "/identity-check")
                .then().statusCode(200).body("identityCheck", equalTo("REFUTED_BY_OFFICER"));
        move(id, "UNDER_REVIEW").then().statusCode(200);
        move(id, "APPROVED").then().statusCode(409).body("type", equalTo("urn:civilportal:problem:identity-not-verified"));
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"to\":\"REJECTED\",\"reason\":\"본인 확인 불가\"}")
                .when().post(PATH + "/" + id + "/transitions").then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void onlyPassportOfficersSettleAndBadInputChangesNothing() throws SQLException {
        String id = submit();
        String body = "{\"outcome\":\"CONFIRMED\",\"note\":\"x\"}";
        for (String user : new String[] {"citizen", "citizen2", "residency-officer"}) {
            given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                    .when().post(PATH + "/" + id + "/identity-check")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(body).when().post(PATH + "/" + id + "/identity-check")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"MAYBE\",\"note\":\"\"}")
                .when().post(PATH + "/" + id + "/identity-check")
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"CONFIRMED\",\"note\":\" \"}")
                .when().post(PATH + "/" + id + "/identity-check")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + UUID.randomUUID() + "/identity-check").then().statusCode(404);
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/nope/identity-check").then().statusCode(400);
        assertEquals("PENDING", column(id, "identity_check"));
    }

    @Test
    void residencysAnswerVerifiesOrHandsTheApplicationToAnOfficer() throws SQLException {
        String verified = submit();
        UUID vid = UUID.fromString(verified);
        LocalDate born = LocalDate.of(1990, 3, 15);
        assertEquals(IdentityChecks.Result.VERIFIED, QuarkusTransaction.requiringNew()
                .call(() -> checks.record(vid, new ResidentIdentity(UUID.randomUUID(), true, born))));
        assertEquals("VERIFIED", column(verified, "identity_check"));
        assertEquals(born.toString(), column(verified, "applicant_birth_date"));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + verified)
                .then().statusCode(200)
                .body("identityCheck", equalTo("VERIFIED"))
                .body("history[1].identityCheck", equalTo("VERIFIED"))
                .body("history[1].by", equalTo(IdentityChecks.SYSTEM_ACTOR));
        // A late answer after the check was settled changes nothing.
        assertEquals(IdentityChecks.Result.SKIPPED, QuarkusTransaction.requiringNew()
                .call(() -> checks.record(vid, null)));
        assertEquals("VERIFIED", column(verified, "identity_check"));

        String unknown = submit();
        assertEquals(IdentityChecks.Result.NOT_REGISTERED, QuarkusTransaction.requiringNew()
                .call(() -> checks.record(UUID.fromString(unknown), null)));
        given().auth().oauth2(Tokens.of("passport-officer")).when().get(PATH + "/" + unknown)
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED")) // not rejected: an officer decides
                .body("identityCheck", equalTo("NEEDS_OFFICER"))
                .body("history.identityCheck", hasItems("NEEDS_OFFICER"));
        // Officers find what waits for them.
        given().auth().oauth2(Tokens.of("passport-officer"))
                .queryParam("identityCheck", "NEEDS_OFFICER").queryParam("size", 100)
                .when().get(PATH).then().statusCode(200)
                .body("items.id", hasItem(unknown))
                .body("items.identityCheck", org.hamcrest.Matchers.everyItem(equalTo("NEEDS_OFFICER")));
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("identityCheck", "MAYBE")
                .when().get(PATH).then().statusCode(400).body("errors.field", hasItem("identityCheck"));
    }

    @Test
    void theBirthDateFromResidencySettlesAChildsFee() {
        String id = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"FIVE_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201)
                .body("feeConfirmed", equalTo(false))
                .extract().path("id");
        int feeWhilePending = given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id)
                .then().extract().path("fee.totalKrw");
        LocalDate sixYearsOld = LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).minusYears(6);
        QuarkusTransaction.requiringNew().call(() -> checks.record(UUID.fromString(id),
                new ResidentIdentity(UUID.randomUUID(), true, sixYearsOld)));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("feeConfirmed", equalTo(true))
                .body("fee.contributionKrw", equalTo(0))
                .body("fee.totalKrw", equalTo(feeWhilePending - 9_000)); // the 8-and-over row was the ceiling
    }

    @Test
    void twoReplicasNeverClaimTheSameCheck() throws Exception {
        submit();
        submit();
        submit();
        // A day ahead every pending check is due, whatever the job has leased meanwhile.
        Instant later = Instant.now().plus(Duration.ofDays(1));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first claim's transaction stays open (row locked) while the second claims.
            Future<IdentityChecks.Claim> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                IdentityChecks.Claim c = checks.claimNextDue(later);
                firstClaimed.countDown();
                secondDone.await(30, TimeUnit.SECONDS);
                return c;
            }));
            assertTrue(firstClaimed.await(30, TimeUnit.SECONDS));
            Future<IdentityChecks.Claim> second = pool.submit(() -> {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> checks.claimNextDue(later));
                } finally {
                    secondDone.countDown();
                }
            });
            IdentityChecks.Claim a = first.get(60, TimeUnit.SECONDS);
            IdentityChecks.Claim b = second.get(60, TimeUnit.SECONDS);
            assertNotNull(a);
            assertNotNull(b, "the second claim skips the locked row and takes another");
            assertNotEquals(a.applicationId(), b.applicationId());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String submit() {
        return given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201)
                .body("identityCheck", equalTo("PENDING"))
                .extract().path("id");
    }

    private static Response move(String id, String to) {
        return given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\"}").when().post(PATH + "/" + id + "/transitions");
    }

    private int attempts(String id) throws SQLException {
        return Integer.parseInt(column(id, "identity_attempts"));
    }

    private String column(String id, String column) throws SQLException {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("SELECT " + column + " FROM passport_application WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (var r = s.executeQuery()) {
                r.next();
                Object v = r.getObject(1);
                return v == null ? null : v.toString();
            }
        }
    }
}
