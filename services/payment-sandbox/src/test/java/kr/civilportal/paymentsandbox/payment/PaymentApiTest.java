package kr.civilportal.paymentsandbox.payment;

import static io.restassured.RestAssured.given;
import static kr.civilportal.paymentsandbox.Sandbox.api;
import static kr.civilportal.paymentsandbox.Sandbox.create;
import static kr.civilportal.paymentsandbox.Sandbox.paymentBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PaymentApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void aCreatedPaymentReadsBackWithItsNextUrl() {
        String reference = "app-" + UUID.randomUUID();
        String id = create(UUID.randomUUID().toString(), paymentBody(52000, reference)).then()
                .statusCode(201)
                .body("paymentId", startsWith("pay_"))
                .body("state", equalTo("CREATED"))
                .body("amount", equalTo(52000))
                .body("currency", equalTo("KRW"))
                .body("reference", equalTo(reference))
                .body("description", equalTo("여권 발급 수수료"))
                .body("createdAt", notNullValue())
                .body("expiresAt", notNullValue())
                .body("paidAt", nullValue())
                .body("approvalNumber", nullValue())
                .body("cardSummary", nullValue())
                .body("refundedAmount", equalTo(0))
                .extract().path("paymentId");
        api().get("/v1/payments/" + id).then().statusCode(200)
                .body("paymentId", equalTo(id))
                .body("state", equalTo("CREATED"))
                .body("reference", equalTo(reference))
                .body("nextUrl", equalTo("http://localhost:8087/pay/" + id))
                .body("refunds.size()", equalTo(0));
    }

    @Test
    void theSameKeyWithTheSameBodyIsTheSamePaymentAndWithAnotherBody422() {
        String key = UUID.randomUUID().toString();
        String body = paymentBody(52000, "app-" + UUID.randomUUID());
        String first = create(key, body).then().statusCode(201).extract().path("paymentId");
        create(key, body).then().statusCode(200).body("paymentId", equalTo(first));
        create(key, paymentBody(53000, "app-other")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:idempotency-key-reused"));
    }

    @Test
    void concurrentCreatesWithOneKeyMakeOnePayment() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = paymentBody(52000, "app-" + UUID.randomUUID());
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                ids.add(pool.submit(() -> create(key, body).then().statusCode(oneOf(200, 201))
                        .extract().<String>path("paymentId")));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertEquals(1, distinct.size(), "one payment for one key");
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"amount\": 0, \"currency\": \"KRW\", \"reference\": \"r\", \"description\": \"d\", \"returnUrl\": \"http://x.example/\"}|amount",
            "{\"amount\": 10000001, \"currency\": \"KRW\", \"reference\": \"r\", \"description\": \"d\", \"returnUrl\": \"http://x.example/\"}|amount",
            "{\"amount\": 100.5, \"currency\": \"KRW\", \"reference\": \"r\", \"description\": \"d\", \"returnUrl\": \"http://x.example/\"}|amount",
            "{\"amount\": 100, \"currency\": \"USD\", \"reference\": \"r\", \"description\": \"d\", \"returnUrl\": \"http://x.example/\"}|currency",
            "{\"amount\": 100, \"currency\": \"KRW\", \"reference\": \"\", \"description\": \"d\", \"returnUrl\": \"http://x.example/\"}|reference",
            "{\"amount\": 100, \"currency\": \"KRW\", \"reference\": \"r\", \"returnUrl\": \"http://x.example/\"}|description",
            "{\"amount\": 100, \"currency\": \"KRW\", \"reference\": \"r\", \"description\": \"d\", \"returnUrl\": \"/my/relative\"}|returnUrl",
            "{\"amount\": 100, \"currency\": \"KRW\", \"reference\": \"r\", \"description\": \"d\", \"returnUrl\": \"javascript:alert(1)\"}|returnUrl",
    })
    void invalidInputIs400NamingTheFieldAndStoresNothing(String body, String field) throws SQLException {
        long before = payments();
        create(UUID.randomUUID().toString(), body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("errors.field", hasItem(field));
        assertEquals(before, payments(), "nothing stored");
    }

    @Test
    void aCreateWithoutIdempotencyKeyIs400() throws SQLException {
        long before = payments();
        api().body(paymentBody(1000, "r")).post("/v1/payments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(before, payments());
    }

    @Test
    void anUnreadableBodyIs400Problem() {
        api().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\": \"lots\"")
                .post("/v1/payments").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:malformed-request"));
    }

    @Test
    void withoutOrWithAWrongApiKeyEveryCallIs401() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k").body(paymentBody(1000, "r"))
                .post("/v1/payments").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:civilportal:problem:unauthenticated"));
        given().header("Authorization", "Bearer not-the-key").get("/v1/payments/pay_x").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Basic c2FuZGJveDpzYW5kYm94").get("/v1/events").then().statusCode(401);
    }

    @Test
    void anUnknownPaymentIs404Problem() {
        api().get("/v1/payments/pay_000000000000000000000000").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"));
    }

    @Test
    void healthAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/payments'.post", notNullValue());
    }

    private long payments() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM payment")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
