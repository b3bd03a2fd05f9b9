package kr.civilportal.paymentsandbox.page;

import static io.restassured.RestAssured.given;
import static kr.civilportal.paymentsandbox.Sandbox.APPROVED_CARD;
import static kr.civilportal.paymentsandbox.Sandbox.DECLINED_CARD;
import static kr.civilportal.paymentsandbox.Sandbox.RETURN_URL;
import static kr.civilportal.paymentsandbox.Sandbox.api;
import static kr.civilportal.paymentsandbox.Sandbox.newPayment;
import static kr.civilportal.paymentsandbox.Sandbox.submitPage;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HostedPageTest {

    private static final String FULL_NUMBER = "4242424242424242";

    @Inject
    DataSource dataSource;

    @Test
    void thePageShowsTheAmountAndALabelledCardFormInKoreanAndEnglish() {
        String id = newPayment(52000);
        given().get("/pay/" + id).then().statusCode(200).contentType("text/html")
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"ko\">"))
                .body(containsString("52,000원"))
                .body(containsString("여권 발급 수수료"))
                .body(containsString("<label for=\"cardNumber\">카드 번호"))
                .body(containsString("<label for=\"expiry\">"))
                .body(containsString("<label for=\"cvc\">"))
                .body(containsString("결제하기"))
                .body(containsString("결제 취소"))
                .body(containsString("lang=\"en\">Card payment"))
                // no external assets: no scripts, style sheets or images from elsewhere (the one link is the icon
                // as an empty data: URL, so that a browser does not ask for /favicon.ico)
                .body(not(containsString("<script")))
                .body(not(matchesPattern("(?s).*<link(?![^>]*href=\"data:)[^>]*>.*")))
                .body(containsString("<link rel=\"icon\" href=\"data:,\">"))
                .body(not(containsString("src=")));
    }

    @Test
    void theApprovedTestCardPaysAndGoesBackToTheReturnUrl() throws SQLException, IOException {
        String id = newPayment(52000);
        submitPage(id, "pay", APPROVED_CARD).then().statusCode(303).header("Location", equalTo(RETURN_URL));
        api().get("/v1/payments/" + id).then().statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("paidAt", notNullValue())
                .body("approvalNumber", matchesPattern("\\d{8}"))
                .body("cardSummary", equalTo("VISA **** 4242"))
                .body("cardSummary", endsWith("4242"));
        // A paid payment's page: its state and the way back, no form.
        given().get("/pay/" + id).then().statusCode(200)
                .body(containsString("결제 완료"))
                .body(containsString("href=\"" + RETURN_URL.replace("&", "&amp;") + "\""))
                .body(not(containsString("name=\"cardNumber\"")));
        assertCardNumberNowhere();
    }

    @Test
    void theDeclinedTestCardShowsTheRefusalAndLeavesThePaymentOpen() {
        String id = newPayment(52000);
        submitPage(id, "pay", DECLINED_CARD).then().statusCode(200)
                .body(containsString("카드사에서 승인을 거절했습니다"))
                .body(containsString("role=\"alert\""))
                // the typed number is not put back into the form
                .body(not(containsString("value=\"4000")))
                .body(not(containsString("4000000000000002")));
        api().get("/v1/payments/" + id).then().body("state", equalTo("CREATED")).body("cardSummary",
                equalTo(null));
    }

    @Test
    void malformedCardFieldsAreShownAgainWithTheirErrors() {
        String id = newPayment(1000);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("action", "pay").formParam("cardNumber", "4242 4242 4242 4241")
                .formParam("expiry", "13/20").formParam("cvc", "12")
                .post("/pay/" + id).then().statusCode(200)
                .body(containsString("id=\"cardNumber-error\""))
                .body(containsString("id=\"expiry-error\""))
                .body(containsString("id=\"cvc-error\""))
                .body(containsString("aria-invalid=\"true\""));
        api().get("/v1/payments/" + id).then().body("state", equalTo("CREATED"));
    }

    @Test
    void cancellingGoesBackToTheReturnUrlAndThePaymentIsCancelled() {
        String id = newPayment(1000);
        submitPage(id, "cancel", "").then().statusCode(303).header("Location", equalTo(RETURN_URL));
        api().get("/v1/payments/" + id).then().body("state", equalTo("CANCELLED"));
        // Paying a cancelled payment changes nothing.
        submitPage(id, "pay", APPROVED_CARD).then().statusCode(200).body(containsString("결제 취소"));
        api().get("/v1/payments/" + id).then().body("state", equalTo("CANCELLED")).body("paidAt", equalTo(null));
    }

    @Test
    void anUnknownPaymentsPageIs404() {
        given().get("/pay/pay_000000000000000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Neither the database nor the log holds a full card number, whatever was typed. */
    private void assertCardNumberNowhere() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            for (String table : new String[] {"payment", "refund", "webhook_event"}) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT row_to_json(t)::text FROM " + table
                        + " t")) {
                    while (rs.next()) {
                        String row = rs.getString(1);
                        assertFalse(row.contains(FULL_NUMBER) || row.contains(APPROVED_CARD), table + ": " + row);
                    }
                }
            }
        }
        Path log = Path.of("target/payment-sandbox-test.log");
        if (Files.exists(log)) {
            String text = Files.readString(log);
            assertFalse(text.contains(FULL_NUMBER) || text.contains(APPROVED_CARD), "the log holds a card number");
        }
    }
}
