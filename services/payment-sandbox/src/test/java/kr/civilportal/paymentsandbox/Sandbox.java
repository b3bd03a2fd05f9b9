package kr.civilportal.paymentsandbox;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls of the sandbox's API as a service makes them, with the %test API key. */
public final class Sandbox {

    public static final String API_KEY = "sandbox-test-api-key";
    public static final String RETURN_URL = "http://localhost:8080/my/petitions/passport/42?payment=returned";
    public static final String APPROVED_CARD = "4242 4242 4242 4242";
    public static final String DECLINED_CARD = "4000 0000 0000 0002";

    private Sandbox() {
    }

    public static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + API_KEY).contentType(ContentType.JSON);
    }

    public static String paymentBody(long amount, String reference) {
        return """
                {"amount": %d, "currency": "KRW", "reference": "%s", "description": "여권 발급 수수료",
                 "returnUrl": "%s"}""".formatted(amount, reference, RETURN_URL);
    }

    public static Response create(String key, String body) {
        return api().header("Idempotency-Key", key).body(body).post("/v1/payments");
    }

    /** A new payment of {@code amount}; returns its id. */
    public static String newPayment(long amount) {
        return create(UUID.randomUUID().toString(), paymentBody(amount, "app-" + UUID.randomUUID()))
                .then().statusCode(201).extract().path("paymentId");
    }

    /** The citizen's browser submitting the hosted page's form (without following the redirect). */
    public static Response submitPage(String paymentId, String action, String card) {
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("action", action).formParam("cardNumber", card).formParam("expiry", "12/39")
                .formParam("cvc", "123").post("/pay/" + paymentId);
    }

    /** Paid with the approved test card. */
    public static String paidPayment(long amount) {
        String id = newPayment(amount);
        submitPage(id, "pay", APPROVED_CARD).then().statusCode(303);
        return id;
    }
}
