package kr.civilportal.paymentsandbox.webhook;

import static kr.civilportal.paymentsandbox.Sandbox.api;
import static kr.civilportal.paymentsandbox.Sandbox.newPayment;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookParkingTest {

    @Inject
    DataSource dataSource;

    @Test
    void anEventStillUndeliveredAfterADayIsParkedOnItsNextFailure() throws SQLException {
        String paymentId = newPayment(1000);
        String eventId = "evt_parking_" + paymentId;
        // Written 25 hours ago and failed ever since: the receiver answers its first call (now) with 500.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO webhook_event (id, payment_id, type, created_at,"
                     + " body, attempts, next_attempt_at) VALUES (?, ?, 'payment.cancelled',"
                     + " now() - interval '25 hours', ?, 17, now())")) {
            s.setString(1, eventId);
            s.setString(2, paymentId);
            s.setString(3, "{\"eventId\":\"" + eventId + "\",\"type\":\"payment.cancelled\"}");
            s.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get("/v1/events?paymentId=" + paymentId)
                .then().body("find { it.eventId == '" + eventId + "' }.deliveryState", equalTo("PARKED"))
                .body("find { it.eventId == '" + eventId + "' }.attempts", equalTo(18))
                .body("find { it.eventId == '" + eventId + "' }.lastStatus", equalTo(500))
                .body("find { it.eventId == '" + eventId + "' }.nextAttemptAt", nullValue()));
    }
}
