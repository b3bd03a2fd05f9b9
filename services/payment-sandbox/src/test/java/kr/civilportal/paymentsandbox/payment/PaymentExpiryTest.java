package kr.civilportal.paymentsandbox.payment;

import static io.restassured.RestAssured.given;
import static kr.civilportal.paymentsandbox.Sandbox.APPROVED_CARD;
import static kr.civilportal.paymentsandbox.Sandbox.api;
import static kr.civilportal.paymentsandbox.Sandbox.newPayment;
import static kr.civilportal.paymentsandbox.Sandbox.submitPage;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentExpiryTest {

    @Inject
    DataSource dataSource;

    @Test
    void aPaymentPastItsDeadlineReadsExpiredAndCannotBePaid() throws SQLException {
        String id = newPayment(52000);
        pastDeadline(id);
        api().get("/v1/payments/" + id).then().statusCode(200).body("state", equalTo("EXPIRED"));
        api().get("/v1/events?paymentId=" + id).then().body("type", hasItem("payment.expired"));
        submitPage(id, "pay", APPROVED_CARD).then().statusCode(200);
        given().get("/pay/" + id).then().statusCode(200)
                .body(containsString("결제 시간 만료"))
                .body(not(containsString("name=\"cardNumber\"")));
        api().get("/v1/payments/" + id).then().body("state", equalTo("EXPIRED")).body("paidAt", equalTo(null));
    }

    @Test
    void theExpiryJobExpiresAPaymentNobodyReadsAgain() throws SQLException {
        String id = newPayment(1000);
        pastDeadline(id);
        // Only the events are read (they never expire anything themselves): the job must do it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get("/v1/events?paymentId=" + id).then()
                .body("type", hasItem("payment.expired")));
        api().get("/v1/payments/" + id).then().body("state", equalTo("EXPIRED"));
    }

    private void pastDeadline(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE payment SET expires_at = now() - interval '1 second'"
                     + " WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }
}
