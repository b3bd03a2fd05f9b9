package kr.civilportal.paymentsandbox.refund;

import static kr.civilportal.paymentsandbox.Sandbox.api;
import static kr.civilportal.paymentsandbox.Sandbox.newPayment;
import static kr.civilportal.paymentsandbox.Sandbox.paidPayment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefundTest {

    private static Response refund(String paymentId, String key, String body) {
        return api().header("Idempotency-Key", key).body(body).post("/v1/payments/" + paymentId + "/refunds");
    }

    @Test
    void aFullRefundIsListedOnThePayment() {
        String id = paidPayment(52000);
        refund(id, UUID.randomUUID().toString(), "{\"amount\": 52000, \"reason\": \"반려\"}").then()
                .statusCode(201)
                .body("refundId", startsWith("rfd_"))
                .body("paymentId", equalTo(id))
                .body("amount", equalTo(52000))
                .body("reason", equalTo("반려"))
                .body("state", equalTo("SUCCEEDED"));
        api().get("/v1/payments/" + id).then()
                .body("state", equalTo("SUCCEEDED"))
                .body("refundedAmount", equalTo(52000))
                .body("refunds.size()", equalTo(1))
                .body("refunds[0].amount", equalTo(52000));
        refund(id, UUID.randomUUID().toString(), "{\"amount\": 1}").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:refund-exceeds-payment"));
    }

    @Test
    void partialRefundsAddUpAndOneAboveWhatIsLeftIs409() {
        String id = paidPayment(52000);
        refund(id, UUID.randomUUID().toString(), "{\"amount\": 20000}").then().statusCode(201);
        refund(id, UUID.randomUUID().toString(), "{\"amount\": 32001}").then().statusCode(409)
                .contentType("application/problem+json");
        refund(id, UUID.randomUUID().toString(), "{\"amount\": 32000}").then().statusCode(201);
        api().get("/v1/payments/" + id).then().body("refundedAmount", equalTo(52000))
                .body("refunds.size()", equalTo(2));
    }

    @Test
    void theSameKeyIsTheSameRefund() {
        String id = paidPayment(52000);
        String key = UUID.randomUUID().toString();
        String first = refund(id, key, "{\"amount\": 10000}").then().statusCode(201).extract().path("refundId");
        refund(id, key, "{\"amount\": 10000}").then().statusCode(200).body("refundId", equalTo(first));
        refund(id, key, "{\"amount\": 9000}").then().statusCode(422).contentType("application/problem+json");
        api().get("/v1/payments/" + id).then().body("refundedAmount", equalTo(10000))
                .body("refunds.size()", equalTo(1));
    }

    @Test
    void anUnpaidPaymentCannotBeRefunded() {
        String id = newPayment(52000);
        refund(id, UUID.randomUUID().toString(), "{\"amount\": 1000}").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:payment-not-refundable"));
    }

    @Test
    void anAmountBelowOneIs400AndChangesNothing() {
        String id = paidPayment(52000);
        refund(id, UUID.randomUUID().toString(), "{\"amount\": 0}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("amount"));
        api().header("Content-Type", "application/json").body("{\"amount\": 100}")
                .post("/v1/payments/" + id + "/refunds").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        api().get("/v1/payments/" + id).then().body("refundedAmount", equalTo(0));
    }
}
