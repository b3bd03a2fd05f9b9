package kr.civilportal.emergency.report;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import kr.civilportal.emergency.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Inject
    DataSource dataSource;

    private static Response post(String key, String body) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            spec.header("Idempotency-Key", key);
        }
        return spec.when().post(REPORTS);
    }

    private long reportsWith(String description) throws SQLException {
        return Fixtures.count(dataSource,
                "SELECT count(*) FROM emergency_report WHERE description = '" + description + "'");
    }

    @Test
    void aRetryGetsTheFirstReceiptAndCreatesNothing() throws SQLException {
        String description = "재전송 시험 " + UUID.randomUUID();
        String body = Fixtures.report("RESCUE", description, "010-3333-4444");
        String key = "\"" + UUID.randomUUID() + "\"";
        Response first = post(key, body);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response again = post(key, body);
        again.then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")));
        assertEquals(first.asString(), again.asString(), "the same status and body, byte for byte");
        assertEquals(1, reportsWith(description));
        // Whitespace does not make it another request: the payload is compared as parsed.
        post(key, body.replace("\n", " ")).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
    }

    @Test
    void theSameKeyWithAnotherReportIs422AndChangesNothing() throws SQLException {
        String key = UUID.randomUUID().toString();
        String description = "첫 신고 " + UUID.randomUUID();
        post(key, Fixtures.report("FIRE", description, null)).then().statusCode(201);
        String other = "다른 신고 " + UUID.randomUUID();
        post(key, Fixtures.report("FIRE", other, null)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:idempotency-key-reused"));
        assertEquals(0, reportsWith(other));
    }

    @Test
    void concurrentRetriesWhileTheFirstIsBeingWrittenAllGetTheOneReceipt() throws Exception {
        String description = "동시 재전송 " + UUID.randomUUID();
        String body = Fixtures.report("EMERGENCY_MEDICAL", description, "010-5555-6666");
        String key = UUID.randomUUID().toString();
        int retries = 12;
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                calls.add(() -> post(key, body));
            }
            Set<String> bodies = new HashSet<>();
            int replays = 0;
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                bodies.add(r.asString());
                replays += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertEquals(1, bodies.size(), "every retry got the first receipt");
            assertEquals(retries - 1, replays);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reportsWith(description), "one report");
    }

    @Test
    void withoutAKeyOrWithAMalformedOneTheReportIsStillTakenWithAWarning() throws SQLException {
        String description = "키 없음 " + UUID.randomUUID();
        post(null, Fixtures.report("FIRE", description, null)).then().statusCode(201)
                .body("warnings[0].code", equalTo("idempotency-key-missing"))
                .body("warnings[0].field", equalTo("Idempotency-Key"));
        post("a key with spaces", Fixtures.report("FIRE", description, null)).then().statusCode(201)
                .body("warnings[0].code", equalTo("idempotency-key-invalid"));
        assertEquals(2, reportsWith(description), "without a usable key, each request is a report");
    }

    @Test
    void theStoredKeyExpiresNoSoonerThan24Hours() throws SQLException {
        post(UUID.randomUUID().toString(), Fixtures.uniqueReport()).then().statusCode(201);
        assertTrue(Fixtures.count(dataSource, "SELECT count(*) FROM idempotency_key WHERE expires_at < created_at + interval '24 hours'") == 0);
        assertTrue(Fixtures.count(dataSource, "SELECT count(*) FROM idempotency_key") > 0);
    }
}
