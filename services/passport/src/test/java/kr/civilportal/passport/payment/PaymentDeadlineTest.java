package kr.civilportal.passport.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import kr.civilportal.passport.workflow.Workflow;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 결제 기한: an application whose online fee is not paid within {@code portal.passport.payment.awaiting-lifetime} (3
 * days in %test too) is rejected by {@code system:payment-deadline}, unless the provider says it was paid (then it is
 * received), and never while the provider does not answer. The job is called with the moment to judge by, as the clock
 * would give it; the provider is the in-process {@link FakePaymentProvider}, the rest (database, REST, webhook, refund
 * job) runs for real.
 */
@QuarkusTest
class PaymentDeadlineTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String WEBHOOK = "/api/passport/v1/payment-notifications";
    private static final String RETURN_URL = "http://localhost:8080/my/petitions/passport/x?payment=returned";
    /** %test.portal.passport.payment.webhook-secret */
    private static final WebhookSignature SIGNER = new WebhookSignature("test-webhook-secret", Duration.ofMinutes(5));
    /** portal.passport.payment.awaiting-lifetime */
    private static final Duration LIFETIME = Duration.ofDays(3);
    private static final Duration REFUND_WAIT = Duration.ofSeconds(20);

    @Inject
    PaymentDeadline deadline;

    @Inject
    FakePaymentProvider provider;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @AfterEach
    void providerBackUp() {
        provider.down(false);
        provider.slowness(Duration.ZERO);
    }

    @Test
    void anApplicationUnpaidPastItsLifetimeIsRejectedAndItsApplicantSeesWhy() throws SQLException {
        String neverStarted = submitOnline();
        String abandoned = submitOnline();
        pay(abandoned);
        Instant filed = submittedAt(abandoned);

        PaymentDeadline.Outcome outcome = deadline.endOverdue(filed.plus(LIFETIME).plusSeconds(60));

        assertTrue(outcome.rejected() >= 2, "both are rejected: " + outcome);
        for (String id : List.of(neverStarted, abandoned)) {
            given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                    .body("status", equalTo("REJECTED"))
                    .body("history", hasSize(2))
                    .body("history[1].from", equalTo("AWAITING_PAYMENT"))
                    .body("history[1].to", equalTo("REJECTED"))
                    .body("history[1].by", equalTo("system:payment-deadline"))
                    .body("history[1].reason", equalTo(Workflow.unpaidReason(submittedAt(id).plus(LIFETIME))));
        }
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + abandoned).then()
                .body("history[1].reason", equalTo("수수료 결제 기한(" + koreanMinute(filed.plus(LIFETIME))
                        + ")까지 결제가 없어 반려되었습니다 (the fee was not paid by " + koreanMinute(filed.plus(LIFETIME))
                        + " KST)"));
        // Never received, so never the officers' work: not in their list, not moved by them, nothing refunded.
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("size", 100).queryParam("status", "REJECTED")
                .when().get(PATH).then().statusCode(200).body("items.id", not(hasItem(abandoned)))
                .body("items.id", not(hasItem(neverStarted)));
        assertEquals(0, count("SELECT count(*) FROM passport_payment_refund r JOIN passport_payment p ON p.id = "
                + "r.payment_id WHERE p.application_id = '" + abandoned + "'"));
        // The applicant is told, as of any 반려, with the reason (outbox, relayed to notification).
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE event_key = '" + abandoned + "' AND event_type = "
                + "'passport.application.rejected' AND payload::text LIKE '%수수료 결제 기한%'"));
        // Paying is no longer due.
        pay(abandoned, 409);

        // Ended once: a later run finds nothing more to do with it.
        deadline.endOverdue(filed.plus(LIFETIME).plusSeconds(120));
        assertEquals(1, rejections(abandoned));
    }

    @Test
    void anApplicationWithinItsLifetimeIsLeftWaiting() throws SQLException {
        String id = submitOnline();
        pay(id);
        Instant filed = submittedAt(id);

        deadline.endOverdue(filed.plus(LIFETIME).minusSeconds(60));

        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_PAYMENT")).body("history", hasSize(1));
        // Still payable: the citizen finishes paying within the deadline.
        pay(id);
    }

    @Test
    void anApplicationPaidAtTheProviderWhoseWebhookNeverCameIsReceivedInstead() throws SQLException {
        String id = submitOnline();
        String paymentId = pay(id);
        ProviderPayment paid = provider.markPaid(paymentId);

        PaymentDeadline.Outcome outcome = deadline.endOverdue(submittedAt(id).plus(LIFETIME).plusSeconds(60));

        assertTrue(outcome.received() >= 1, "received: " + outcome);
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("dueOn", notNullValue())
                .body("history", hasSize(2))
                .body("history[1].from", equalTo("AWAITING_PAYMENT"))
                .body("history[1].by", equalTo("system:payment"))
                .body("history[1].reason", equalTo("수수료 결제 (승인번호 " + paid.approvalNumber() + ")"))
                .body("payment.state", equalTo("PAID"))
                .body("payment.paymentId", equalTo(paymentId));
        assertEquals(0, rejections(id));
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("size", 100).when().get(PATH).then()
                .statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void theProviderDownLeavesTheApplicationWaitingUntilTheNextRun() throws SQLException {
        String id = submitOnline();
        pay(id);
        Instant due = submittedAt(id).plus(LIFETIME).plusSeconds(60);
        provider.down(true);

        PaymentDeadline.Outcome outcome = deadline.endOverdue(due);

        assertTrue(outcome.leftForLater() >= 1, "left: " + outcome);
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_PAYMENT")).body("history", hasSize(1));

        provider.down(false);
        deadline.endOverdue(due.plus(Duration.ofHours(1)));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("history[1].by", equalTo("system:payment-deadline"));
    }

    @Test
    void twoRunsAtOnceEndEachApplicationOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> paymentIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = submitOnline();
            paymentIds.add(pay(id));
            ids.add(id);
        }
        // One of them paid without a webhook: received once, not received twice nor rejected.
        provider.markPaid(paymentIds.get(0));
        Instant due = submittedAt(ids.get(ids.size() - 1)).plus(LIFETIME).plusSeconds(60);
        // A slow provider: each run holds a row while it asks, so the two runs overlap.
        provider.slowness(Duration.ofMillis(150));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PaymentDeadline.Outcome>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return deadline.endOverdue(due);
            }));
        }
        start.countDown();
        for (Future<PaymentDeadline.Outcome> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertEquals("SUBMITTED", statusOf(ids.get(0)));
        assertEquals(1, count("SELECT count(*) FROM passport_status_change WHERE to_status = 'SUBMITTED' AND "
                + "application_id = '" + ids.get(0) + "'"), "received once");
        for (String id : ids.subList(1, ids.size())) {
            assertEquals("REJECTED", statusOf(id));
            assertEquals(1, rejections(id), "rejected once: " + id);
        }
    }

    @Test
    void aSuccessReportedAfterTheRejectionIsRefunded() throws Exception {
        String id = submitOnline();
        String paymentId = pay(id);
        deadline.endOverdue(submittedAt(id).plus(LIFETIME).plusSeconds(60));
        assertEquals("REJECTED", statusOf(id));

        // The citizen's payment went through at the provider at the last moment; its webhook comes after the 반려.
        ProviderPayment paid = provider.markPaid(paymentId);
        byte[] event = event("evt_" + UUID.randomUUID(), "payment.succeeded", paid);
        notify(event).then().statusCode(200).body("outcome", equalTo("APPLIED"));

        JsonPath refunded = awaitPaymentState(id, "REFUNDED");
        assertEquals("REJECTED", refunded.getString("status"));
        assertEquals(2, refunded.getList("history").size(), "the payment does not revive the application");
        assertEquals(refunded.getInt("fee.totalKrw"), refunded.getInt("payment.refundedAmountKrw"));
        assertEquals(1, provider.refundsOf(paymentId).size());
        assertEquals(paid.amount(), provider.refundsOf(paymentId).get(0).amount());
    }

    // --- helpers

    private static String submitOnline() {
        Map<String, Object> body = Map.of("kind", "NEW", "validity", "TEN_YEARS", "pages", 58, "payment", "ONLINE");
        return given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then().statusCode(201).body("status", equalTo("AWAITING_PAYMENT"))
                .extract().path("id");
    }

    private static String pay(String id) {
        return pay(id, 201).extract().path("paymentId");
    }

    private static io.restassured.response.ValidatableResponse pay(String id, int status) {
        return given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body(Map.of("returnUrl", RETURN_URL)).when().post(PATH + "/" + id + "/payments").then()
                .statusCode(status);
    }

    private static Instant submittedAt(String id) {
        return Instant.parse(given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then()
                .statusCode(200).extract().path("submittedAt"));
    }

    private static String koreanMinute(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Seoul")).format(instant);
    }

    private byte[] event(String eventId, String type, ProviderPayment payment) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("type", type);
        event.put("createdAt", Instant.now().toString());
        event.put("payment", payment);
        return json.writeValueAsBytes(event);
    }

    private static Response notify(byte[] body) {
        return given().contentType(ContentType.JSON).body(body)
                .header(WebhookSignature.HEADER, SIGNER.header(Instant.now(), body)).when().post(WEBHOOK);
    }

    /** The refund job runs on its own schedule: the citizen's view is polled until it shows the state, or fails. */
    private static JsonPath awaitPaymentState(String id, String state) throws InterruptedException {
        Instant until = Instant.now().plus(REFUND_WAIT);
        while (true) {
            JsonPath view = given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then()
                    .statusCode(200).extract().jsonPath();
            if (state.equals(view.getString("payment.state")) || Instant.now().isAfter(until)) {
                assertEquals(state, view.getString("payment.state"), "payment of " + id);
                return view;
            }
            Thread.sleep(200);
        }
    }

    private long rejections(String id) throws SQLException {
        return count("SELECT count(*) FROM passport_status_change WHERE to_status = 'REJECTED' AND application_id = '"
                + id + "'");
    }

    private String statusOf(String id) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT status FROM passport_application WHERE id = '" + id + "'")) {
            r.next();
            return r.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
