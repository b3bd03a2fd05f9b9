package kr.civilportal.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.TimeMeter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import kr.civilportal.gateway.admission.SharedAdmissionProfile;
import kr.civilportal.gateway.admission.SharedStore;
import kr.civilportal.gateway.admission.WaitingRoomConfig;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Rate limits over two replicas against the real PostgreSQL: the {@code limited} route allows 3 requests an hour
 * per client; a second replica (the gateway's own limiter and exchange log, on the same store) lets some of a
 * client's requests through, and this gateway counts them too.
 */
@QuarkusTest
@TestProfile(SharedAdmissionProfile.class)
class SharedRateLimitTest {

    static final String ROUTE = "limited";
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    SharedStore store;

    @Inject
    WaitingRoomConfig waitingRoom;

    @Inject
    RateLimitFilter filter;

    @Test
    void whatAClientGotThroughAnotherReplicaIsCountedHere() throws Exception {
        String token = Tokens.of("citizen2");
        String client = "sub:" + subject(token);
        ClientRateLimiter here = filter.limiters().get(ROUTE);
        ClientRateLimiter elsewhere = new ClientRateLimiter(here.requests(), here.period(), 100,
                new ClientKeys(waitingRoom.secret()).forRoute(ROUTE), TimeMeter.SYSTEM_NANOTIME);
        UsageLog log = new UsageLog(store.dataSource(), store.statementTimeoutSeconds());

        // One of the client's 3 here, 2 through the other replica.
        given().auth().oauth2(token).when().get("/api/limited/v1/x").then().statusCode(200);
        assertTrue(elsewhere.tryAcquire(client).allowed());
        assertTrue(elsewhere.tryAcquire(client).allowed());
        List<ClientRateLimiter.Consumed> sent = elsewhere.drainUnsent();
        log.record("other-replica", sent.stream().map(c -> new UsageLog.Entry(ROUTE, c.clientKey(), c.count())).toList());

        awaitTrue(() -> here.available(client) <= 0, "this replica took the other's 2 out of the client's bucket");
        given().auth().oauth2(token).when().get("/api/limited/v1/x").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", org.hamcrest.Matchers.equalTo("urn:civilportal:problem:too-many-requests"));

        // And the other way round: what this replica let through reaches the store (at its next exchange, within
        // a sync interval or a few on a busy machine), under the client's key only.
        String key = sent.get(0).clientKey();
        awaitTrue(() -> rowsSeenBy(log, "other-replica").stream()
                .anyMatch(r -> r.route().equals(ROUTE) && r.clientKey().equals(key)),
                "this replica's count is there for the others");
        UsageLog.Read read = log.since("other-replica", null, Duration.ofMinutes(1).toMillis());
        String subject = subject(token);
        assertTrue(read.rows().stream().noneMatch(r -> r.clientKey().contains(subject)), "no subject in the store");
    }

    @Test
    void anotherClientIsNotAffected() {
        String token = Tokens.of("dispatcher");
        assertEquals(200, given().auth().oauth2(token).when().get("/api/limited/v1/x").then().extract().statusCode());
    }

    private static List<UsageLog.Row> rowsSeenBy(UsageLog log, String replica) {
        try {
            return log.since(replica, null, Duration.ofMinutes(1).toMillis()).rows();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(payload).get("sub").asText();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
