package kr.civilportal.passport.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.passport.workflow.SupplementDeadlineJob;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paying the fee online (수수료 온라인 결제) through passport's API, with its real database, Keycloak, webhook signature
 * and refund job; only the payment provider (a third party) is the in-process {@link FakePaymentProvider}.
 */
@QuarkusTest
class OnlinePaymentTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String WEBHOOK = "/api/passport/v1/payment-notifications";
    private static final String RETURN_URL = "http://localhost:8080/my/petitions/passport/x?payment=returned";
    private static final String PROBLEM = "urn:civilportal:problem:";
    /** %test.portal.passport.payment.webhook-secret */
    private static final WebhookSignature SIGNER = new WebhookSignature("test-webhook-secret", Duration.ofMinutes(5));
    private static final Duration REFUND_WAIT = Duration.ofSeconds(20);

    @Inject
    FakePaymentProvider provider;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Inject
    SupplementDeadlineJob supplementDeadlines;

    @AfterEach
    void providerBackUp() {
        provider.down(false);
    }

    @Test
    void anOnlineApplicationWaitsForItsPaymentOutOfTheOfficersSight() throws SQLException {
        JsonPath countsBefore = counts();
        String id = submit("ONLINE");
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_PAYMENT"))
                .body("dueOn", nullValue())
                .body("history", hasSize(1))
                .body("history[0].from", nullValue())
                .body("history[0].to", equalTo("AWAITING_PAYMENT"))
                .body("payment.method", equalTo("ONLINE"))
                .body("payment.state", equalTo("AWAITING"))
                .body("payment.paymentId", nullValue())
                .body("payment.amountKrw", equalTo(feeOf(id)));
        // Not received yet: neither in the officers' list nor in their counts, and no officer moves it.
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("size", 100).when().get(PATH)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("status", "AWAITING_PAYMENT").when().get(PATH)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        assertEquals(countsBefore.getMap(""), counts().getMap(""));
        for (String to : List.of("UNDER_REVIEW", "SUBMITTED")) {
            transition(id, "{\"to\":\"" + to + "\"}").then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEM + "invalid-transition"));
        }
        transition(id, "{\"to\":\"REJECTED\",\"reason\":\"x\"}").then().statusCode(409);
        assertEquals("AWAITING_PAYMENT", statusOf(id));

        // Left out: paid at the counter, as before; an unknown method is a field error, nothing stored.
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + submit(null)).then()
                .body("status", equalTo("SUBMITTED")).body("payment.method", equalTo("AT_COUNTER"))
                .body("payment.state", nullValue()).body("dueOn", notNullValue());
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"payment\":\"CASH\"}")
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("payment"));
    }

    @Test
    void aPaymentIsCreatedOnceAndOnlyForItsApplicantWhileDue() throws SQLException {
        String id = submit("ONLINE");
        Response first = pay("citizen", id, RETURN_URL);
        first.then().statusCode(201).contentType(ContentType.JSON)
                .body("state", equalTo("CREATED"))
                .body("amountKrw", equalTo(feeOf(id)))
                .body("nextUrl", startsWith("https://pg.example/pay/"));
        String paymentId = first.path("paymentId");
        assertEquals(id, provider.payment(paymentId).reference());
        // Pressing 결제하기 again: the same open payment, not a second one.
        pay("citizen", id, RETURN_URL).then().statusCode(201).body("paymentId", equalTo(paymentId));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then()
                .body("payment.paymentId", equalTo(paymentId));

        for (String bad : List.of("https://evil.example/my/", "http://localhost:8080/admin/",
                "http://localhost:8080/my/../admin", "http://user@localhost:8080/my/x", "/my/x")) {
            pay("citizen", id, bad).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEM + "validation-failed")).body("errors.field", hasItem("returnUrl"));
        }
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON).body("{}")
                .when().post(PATH + "/" + id + "/payments").then().statusCode(400).body("errors.field", hasItem("returnUrl"));
        pay("citizen2", id, RETURN_URL).then().statusCode(404).contentType("application/problem+json");
        pay("citizen", submit("AT_COUNTER"), RETURN_URL).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "payment-not-due"));
        assertEquals(1, count("SELECT count(*) FROM passport_payment WHERE application_id = '" + id + "'"));
    }

    @Test
    void theProviderDownIsA503AndTheApplicationKeepsWaiting() throws SQLException {
        String id = submit("ONLINE");
        provider.down(true);
        pay("citizen", id, RETURN_URL).then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "payment-provider-unavailable"));
        assertEquals("AWAITING_PAYMENT", statusOf(id));
        assertEquals(0, count("SELECT count(*) FROM passport_payment WHERE application_id = '" + id + "'"));
        // Checking while it is down: the application as it is, no error.
        given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + id + "/payment-check").then()
                .statusCode(200).body("status", equalTo("AWAITING_PAYMENT"));
        provider.down(false);
        pay("citizen", id, RETURN_URL).then().statusCode(201);
    }

    @Test
    void aSignedWebhookReceivesThePaidApplicationOnce() throws Exception {
        String id = submit("ONLINE");
        String paymentId = pay("citizen", id, RETURN_URL).then().statusCode(201).extract().path("paymentId");
        ProviderPayment paid = provider.markPaid(paymentId);
        byte[] event = event("evt_" + UUID.randomUUID(), "payment.succeeded", paid);

        notify(event, SIGNER.header(Instant.now(), event)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("dueOn", notNullValue())
                .body("history", hasSize(2))
                .body("history[1].from", equalTo("AWAITING_PAYMENT"))
                .body("history[1].to", equalTo("SUBMITTED"))
                .body("history[1].by", equalTo("system:payment"))
                .body("history[1].reason", equalTo("수수료 결제 (승인번호 " + paid.approvalNumber() + ")"))
                .body("payment.state", equalTo("PAID"))
                .body("payment.paymentId", equalTo(paymentId))
                .body("payment.amountKrw", equalTo(feeOf(id)))
                .body("payment.approvalNumber", equalTo(paid.approvalNumber()))
                .body("payment.cardSummary", equalTo("VISA **** 4242"))
                .body("payment.paidAt", notNullValue())
                .body("payment.refundedAmountKrw", equalTo(0));
        // The provider retries the same event: nothing more happens.
        notify(event, SIGNER.header(Instant.now(), event)).then().statusCode(200).body("outcome", equalTo("ALREADY_SEEN"));
        assertEquals(2, count("SELECT count(*) FROM passport_status_change WHERE application_id = '" + id + "'"));
        // Received now: the officers see it, and paying again is not due.
        given().auth().oauth2(Tokens.of("passport-officer")).queryParam("size", 100).when().get(PATH)
                .then().statusCode(200).body("items.id", hasItem(id));
        pay("citizen", id, RETURN_URL).then().statusCode(409).body("type", equalTo(PROBLEM + "payment-not-due"));

        // An event about a payment passport does not know: acknowledged (else retried forever), nothing changes.
        byte[] stranger = event("evt_" + UUID.randomUUID(), "payment.succeeded", new ProviderPayment("pay_unknown",
                "SUCCEEDED", 1000, "KRW", "x", null, null, null, null, null, null, null, null, 0, null));
        notify(stranger, SIGNER.header(Instant.now(), stranger)).then().statusCode(200)
                .body("outcome", equalTo("UNKNOWN_PAYMENT"));
    }

    @Test
    void aWebhookWithoutAValidFreshSignatureIsRefusedAndChangesNothing() throws Exception {
        String id = submit("ONLINE");
        String paymentId = pay("citizen", id, RETURN_URL).then().statusCode(201).extract().path("paymentId");
        ProviderPayment paid = provider.markPaid(paymentId);
        byte[] event = event("evt_" + UUID.randomUUID(), "payment.succeeded", paid);
        WebhookSignature otherSecret = new WebhookSignature("not-the-secret", Duration.ofMinutes(5));
        String tampered = new String(event, StandardCharsets.UTF_8).replace("payment.succeeded", "payment.succeeded ");
        for (String header : new String[] {null, "", otherSecret.header(Instant.now(), event),
                SIGNER.header(Instant.now().minus(Duration.ofMinutes(6)), event),
                SIGNER.header(Instant.now().plus(Duration.ofMinutes(6)), event),
                SIGNER.header(Instant.now(), tampered.getBytes(StandardCharsets.UTF_8)), "t=abc,v1=00"}) {
            notify(event, header).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEM + "payment-signature-invalid"));
        }
        assertEquals("AWAITING_PAYMENT", statusOf(id));
        assertEquals(0, count("SELECT count(*) FROM passport_payment_notification WHERE provider_payment_id = '"
                + paymentId + "'"));
        // The same event, signed: still applied (a refused delivery does not mark it seen).
        notify(event, SIGNER.header(Instant.now(), event)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertEquals("SUBMITTED", statusOf(id));
    }

    @Test
    void comingBackTheCitizensCheckAppliesWhatTheProviderSays() throws SQLException {
        String id = submit("ONLINE");
        String cancelled = pay("citizen", id, RETURN_URL).then().statusCode(201).extract().path("paymentId");
        provider.markCancelled(cancelled);
        check(id).then().statusCode(200).body("status", equalTo("AWAITING_PAYMENT"))
                .body("payment.state", equalTo("AWAITING")).body("payment.paymentId", nullValue());
        // Cancelled: the next 결제하기 is a new payment.
        String paymentId = pay("citizen", id, RETURN_URL).then().statusCode(201).extract().path("paymentId");
        assertNotEquals(cancelled, paymentId);
        ProviderPayment paid = provider.markPaid(paymentId);
        check(id).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("payment.state", equalTo("PAID")).body("payment.approvalNumber", equalTo(paid.approvalNumber()))
                .body("history[1].by", equalTo("system:payment"));
        check(id).then().statusCode(200).body("history", hasSize(2));
        given().auth().oauth2(Tokens.of("citizen2")).when().post(PATH + "/" + id + "/payment-check")
                .then().statusCode(404);
    }

    @Test
    void aPaymentOfAnotherAmountDoesNotReceiveTheApplication() throws Exception {
        String id = submit("ONLINE");
        String paymentId = pay("citizen", id, RETURN_URL).then().statusCode(201).extract().path("paymentId");
        ProviderPayment wrong = provider.markPaid(paymentId, feeOf(id) - 1000);
        byte[] event = event("evt_" + UUID.randomUUID(), "payment.succeeded", wrong);
        notify(event, SIGNER.header(Instant.now(), event)).then().statusCode(200);
        check(id).then().statusCode(200).body("status", equalTo("AWAITING_PAYMENT"))
                .body("payment.state", equalTo("AWAITING")).body("history", hasSize(1));
    }

    @Test
    void aPaidApplicationRejectedByAnOfficerIsRefunded() throws Exception {
        String id = submit("ONLINE");
        String paymentId = pay("citizen", id, RETURN_URL).then().statusCode(201).extract().path("paymentId");
        provider.markPaid(paymentId);
        check(id).then().body("status", equalTo("SUBMITTED"));
        transition(id, "{\"to\":\"REJECTED\",\"reason\":\"서류 미비 (documents missing)\"}").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        assertEquals(1, count("SELECT count(*) FROM passport_payment_refund r JOIN passport_payment p ON p.id = "
                + "r.payment_id WHERE p.application_id = '" + id + "'"));

        JsonPath refunded = awaitPaymentState(id, "REFUNDED");
        assertEquals(feeOf(id), refunded.getInt("payment.refundedAmountKrw"));
        assertEquals(paymentId, refunded.getString("payment.paymentId"));
        assertEquals(1, provider.refundsOf(paymentId).size());
        assertEquals(feeOf(id), provider.refundsOf(paymentId).get(0).amount());
    }

    @Test
    void aPaidApplicationRejectedAfterItsSupplementDeadlineIsRefunded() throws Exception {
        String id = submit("ONLINE");
        provider.markPaid(pay("citizen", id, RETURN_URL).then().statusCode(201).extract().path("paymentId"));
        check(id).then().body("status", equalTo("SUBMITTED"));
        transition(id, "{\"to\":\"UNDER_REVIEW\"}").then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        transition(id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"사진 (photo)\",\"supplementDeadline\":\""
                + today.plusDays(1) + "\"}").then().statusCode(200);
        supplementDeadlines.rejectOverdue(today.plusDays(2));
        assertEquals("REJECTED", statusOf(id));
        awaitPaymentState(id, "REFUNDED");
    }

    @Test
    void anApplicationPaidAtTheCounterRejectedHasNothingToRefund() throws SQLException {
        String id = submit("AT_COUNTER");
        transition(id, "{\"to\":\"REJECTED\",\"reason\":\"x\"}").then().statusCode(200);
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then()
                .body("payment.method", equalTo("AT_COUNTER")).body("payment.state", nullValue());
        assertEquals(0, count("SELECT count(*) FROM passport_payment p WHERE p.application_id = '" + id + "'"));
    }

    // --- helpers

    private static String submit(String payment) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "NEW", "validity", "TEN_YEARS", "pages", 58));
        if (payment != null) {
            body.put("payment", payment);
        }
        return given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then().statusCode(201).extract().path("id");
    }

    private static int feeOf(String id) {
        return given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().extract()
                .path("fee.totalKrw");
    }

    private static Response pay(String citizen, String id, String returnUrl) {
        return given().auth().oauth2(Tokens.of(citizen)).contentType(ContentType.JSON)
                .body(Map.of("returnUrl", returnUrl)).when().post(PATH + "/" + id + "/payments");
    }

    private static Response check(String id) {
        return given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + id + "/payment-check");
    }

    private static Response transition(String id, String body) {
        return given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + id + "/transitions");
    }

    private static JsonPath counts() {
        return given().auth().oauth2(Tokens.of("passport-officer")).when().get(PATH + "/counts").then().statusCode(200)
                .extract().jsonPath();
    }

    private byte[] event(String eventId, String type, ProviderPayment payment) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("type", type);
        event.put("createdAt", Instant.now().toString());
        event.put("payment", payment);
        return json.writeValueAsBytes(event);
    }

    private static Response notify(byte[] body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return request.when().post(WEBHOOK);
    }

    /** The refund job runs on its own schedule: the citizen's view is polled until it shows the state, or fails. */
    private static JsonPath awaitPaymentState(String id, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(REFUND_WAIT);
        while (true) {
            JsonPath view = given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then()
                    .statusCode(200).extract().jsonPath();
            if (state.equals(view.getString("payment.state")) || Instant.now().isAfter(deadline)) {
                assertEquals(state, view.getString("payment.state"), "payment of " + id);
                if (state.equals("REFUNDED")) {
                    assertEquals(true, view.get("payment.refundedAt") != null);
                }
                return view;
            }
            Thread.sleep(200);
        }
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
