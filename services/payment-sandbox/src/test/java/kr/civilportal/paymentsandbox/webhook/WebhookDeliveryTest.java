package kr.civilportal.paymentsandbox.webhook;

import static kr.civilportal.paymentsandbox.Sandbox.api;
import static kr.civilportal.paymentsandbox.Sandbox.paidPayment;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.civilportal.paymentsandbox.WebhookReceiver;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aRefusedEventIsSentAgainWithTheSameIdAndBodyUntilAnswered() {
        String paymentId = paidPayment(52000);
        List<Map<String, Object>> events = api().get("/v1/events?paymentId=" + paymentId).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(1, events.size());
        assertEquals("payment.succeeded", events.get(0).get("type"));
        String eventId = (String) events.get(0).get("eventId");

        // The receiver answers 500 the first time, 200 the second.
        await().atMost(PATIENCE).until(() -> WebhookReceiver.callsFor(eventId).size() >= 2);
        List<WebhookReceiver.Call> calls = WebhookReceiver.callsFor(eventId);
        assertEquals(500, calls.get(0).answered());
        assertEquals(200, calls.get(1).answered());
        assertTrue(calls.stream().allMatch(WebhookReceiver.Call::signatureValid), "every call signed with the secret");
        assertEquals(calls.get(0).body(), calls.get(1).body(), "the same body on the retry");
        JsonPath body = JsonPath.from(calls.get(1).body());
        assertEquals(eventId, body.getString("eventId"));
        assertEquals("payment.succeeded", body.getString("type"));
        assertEquals(paymentId, body.getString("payment.paymentId"));
        assertEquals("SUCCEEDED", body.getString("payment.state"));
        assertTrue(body.getString("payment.cardSummary").endsWith("4242"));

        await().atMost(PATIENCE).untilAsserted(() -> api().get("/v1/events?paymentId=" + paymentId).then()
                .body("[0].deliveryState", org.hamcrest.Matchers.equalTo("DELIVERED"))
                .body("[0].attempts", org.hamcrest.Matchers.equalTo(2))
                .body("[0].lastStatus", org.hamcrest.Matchers.equalTo(200)));
    }

    @Test
    void aRefundIsAnEventToo() {
        String paymentId = paidPayment(30000);
        api().header("Idempotency-Key", "refund-" + paymentId).body("{\"amount\": 30000}")
                .post("/v1/payments/" + paymentId + "/refunds").then().statusCode(201);
        List<String> types = api().get("/v1/events?paymentId=" + paymentId).then().statusCode(200)
                .extract().jsonPath().getList("type");
        assertEquals(List.of("payment.succeeded", "refund.succeeded"), types);
        await().atMost(PATIENCE).untilAsserted(() -> api().get("/v1/events?paymentId=" + paymentId).then()
                .body("deliveryState", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("DELIVERED"))));
    }
}
