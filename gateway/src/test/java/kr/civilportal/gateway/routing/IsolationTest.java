package kr.civilportal.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Circuit breaker, bulkhead, replica rotation and retries, against the stand-in backends of {@link BackendsResource}. */
@QuarkusTest
class IsolationTest {

    @Test
    void aServiceHungOutrightLeavesTheRotationAndIsAnsweredFastWithAlternatives() {
        // passport accepts connections and answers nothing, not even its readiness: the probe takes it out.
        awaitTrue(Duration.ofSeconds(15), () -> "DOWN".equals(given().get("/api/status")
                .path("services.find { it.name == 'passport' }.status")));
        String citizen = Tokens.of("citizen");
        long start = System.nanoTime();
        Response response = given().auth().oauth2(citizen).when().get("/api/passport/v1/applications/mine");
        long millis = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo(String.valueOf(OutOfServiceAnswer.RETRY_AFTER_SECONDS)))
                .body("detail", containsString("passport"))
                .body("detail", containsString("Government Call Centre at 110"))
                .body("detailKo", containsString("여권"))
                .body("detailKo", containsString("110"));
        // At most one readiness probe (1 s), never the route's 2 s time-out.
        assertTrue(millis < 1_900, "answered after " + millis + " ms");
        given().auth().oauth2(citizen).when().get("/api/residency/v1/me").then().statusCode(200);
    }

    @Test
    void theBulkheadLetsAFewRequestsWaitAndAnswersTheRestAtOnce() throws Exception {
        String citizen = Tokens.of("citizen");
        int callers = BackendsResource.STUCK_BULKHEAD + BackendsResource.STUCK_QUEUE + 3;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<long[]>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    Response r = given().auth().oauth2(citizen).when().get("/api/stuck/v1/things");
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    boolean busy = r.statusCode() == 503 && r.asString().contains("busy");
                    return new long[] {r.statusCode(), millis, busy ? 1 : 0};
                }));
            }
            List<Long> busy = new ArrayList<>();
            int timedOut = 0;
            long quickestTimedOut = Long.MAX_VALUE;
            for (Future<long[]> call : calls) {
                long[] r = call.get();
                assertEquals(503, r[0]);
                if (r[2] == 1) {
                    busy.add(r[1]);
                } else {
                    timedOut++;
                    quickestTimedOut = Math.min(quickestTimedOut, r[1]);
                }
            }
            busy.sort(null);
            // The two in flight held their places until the time-out; everyone else was told "busy".
            assertEquals(BackendsResource.STUCK_BULKHEAD, timedOut);
            assertEquals(callers - BackendsResource.STUCK_BULKHEAD, busy.size());
            // "At once" measured against the time-out itself, not a wall-clock figure a loaded machine can miss.
            long slowestBusy = busy.get(busy.size() - 1);
            assertTrue(slowestBusy < quickestTimedOut, "a full bulkhead answered after " + slowestBusy
                    + " ms, not before the callers it let in had timed out (" + quickestTimedOut + " ms)");
            // The one in line waited the wait limit for a place that never freed, then was refused.
            long waited = busy.get(busy.size() - BackendsResource.STUCK_QUEUE);
            assertTrue(waited >= BackendsResource.STUCK_MAX_WAIT_MILLIS, "the waiting caller was refused after "
                    + waited + " ms, before its wait limit of " + BackendsResource.STUCK_MAX_WAIT_MILLIS + " ms");
        } finally {
            pool.shutdownNow();
        }
        // Other services never noticed.
        given().auth().oauth2(citizen).when().get("/api/residency/v1/me").then().statusCode(200);
    }

    @Test
    void callersWhoLeaveGiveTheirBulkheadPlacesBack() throws Exception {
        String citizen = Tokens.of("citizen");
        int places = BackendsResource.STUCK_BULKHEAD + BackendsResource.STUCK_QUEUE;
        List<Socket> callers = new ArrayList<>();
        try {
            // Callers that fill the stuck service's bulkhead and its queue, then hang up (a load generator ending
            // its run, phones losing signal). One in the queue is let in after its caller has already left.
            for (int i = 0; i < places; i++) {
                Socket socket = new Socket("localhost", RestAssured.port);
                socket.getOutputStream().write(("GET /api/stuck/v1/things HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + citizen + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                callers.add(socket);
            }
            // They hold their places (in flight, and one queued) until the route's time-out unless they leave first.
            awaitTrue(Duration.ofSeconds(10), () -> stuckBulkheadInUse() >= BackendsResource.STUCK_BULKHEAD);
        } finally {
            for (Socket socket : callers) {
                socket.close();
            }
        }
        awaitTrue(Duration.ofSeconds(10), () -> stuckBulkheadInUse() == 0);
        // Every place is free again: as many new callers as there are places all get in (and wait for the
        // service's time-out) or into the line (and wait its limit); none is refused at once as busy.
        ExecutorService pool = Executors.newFixedThreadPool(places);
        try {
            List<Future<long[]>> calls = new ArrayList<>();
            for (int i = 0; i < places; i++) {
                calls.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    String answer = given().auth().oauth2(citizen).when().get("/api/stuck/v1/things").asString();
                    return new long[] {answer.contains("busy") ? 1 : 0, (System.nanoTime() - start) / 1_000_000};
                }));
            }
            int waitedInLine = 0;
            for (Future<long[]> call : calls) {
                long[] r = call.get();
                if (r[0] == 1) {
                    waitedInLine++;
                    assertTrue(r[1] >= BackendsResource.STUCK_MAX_WAIT_MILLIS,
                            "refused as busy after " + r[1] + " ms, without waiting in line: a place was not given back");
                }
            }
            assertTrue(waitedInLine <= BackendsResource.STUCK_QUEUE, waitedInLine + " callers did not get in");
        } finally {
            pool.shutdownNow();
        }
    }

    private static double stuckBulkheadInUse() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("portal_gateway_bulkhead_in_use{route=\"stuck\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void theCircuitOpensOnFailuresAnswersFastWhileOpenAndClosesWhenTheServiceIsBack() {
        String citizen = Tokens.of("citizen");
        BackendsResource.FLAKY_FAILING.set(true);
        try {
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(citizen).when().get("/api/flaky/v1/x").then().statusCode(503);
            }
            int hitsBefore = BackendsResource.FLAKY_HITS.get();
            given().auth().oauth2(citizen).when().get("/api/flaky/v1/x")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("2"))
                    .body("detail", containsString("flaky"))
                    .body("detailKo", containsString("110"));
            assertEquals(hitsBefore, BackendsResource.FLAKY_HITS.get(), "an open circuit sends nothing to the service");
            given().get("/api/status").then()
                    .body("services.find { it.name == 'flaky' }.circuit", equalTo("OPEN"))
                    .body("services.find { it.name == 'flaky' }.status", equalTo("DOWN"))
                    .body("incidents.findAll { it.service == 'flaky' }.kind", hasItem("CIRCUIT_OPENED"));
        } finally {
            BackendsResource.FLAKY_FAILING.set(false);
        }
        // After the 2 s delay a trial request goes through and closes the circuit.
        awaitTrue(Duration.ofSeconds(15), () -> given().auth().oauth2(citizen).get("/api/flaky/v1/x").statusCode() == 200);
        given().get("/api/status").then()
                .body("services.find { it.name == 'flaky' }.circuit", equalTo("CLOSED"))
                .body("incidents.findAll { it.service == 'flaky' }.kind", hasItem("CIRCUIT_CLOSED"));
    }

    @Test
    void theServicesOwn500sCountAgainstItsCircuitItsAnswersToBadRequestsNever() {
        String citizen = Tokens.of("citizen");
        BackendsResource.FLAKY_FAILING.set(true);
        try {
            // Refusals of the caller's request (400, 404, 413, 422) show a service at work.
            for (int status : new int[] {400, 404, 413, 422}) {
                BackendsResource.FLAKY_STATUS.set(status);
                for (int i = 0; i < 4; i++) {
                    given().auth().oauth2(citizen).when().get("/api/flaky/v1/x").then().statusCode(status);
                }
            }
            given().get("/api/status").then().body("services.find { it.name == 'flaky' }.circuit", equalTo("CLOSED"));
            // Its own fault, a plain 500, counts like a 503.
            BackendsResource.FLAKY_STATUS.set(500);
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(citizen).when().get("/api/flaky/v1/x");
            }
            given().get("/api/status").then().body("services.find { it.name == 'flaky' }.circuit", equalTo("OPEN"));
        } finally {
            BackendsResource.FLAKY_FAILING.set(false);
            BackendsResource.FLAKY_STATUS.set(503);
        }
        awaitTrue(Duration.ofSeconds(15), () -> given().auth().oauth2(citizen).get("/api/flaky/v1/x").statusCode() == 200);
    }

    @Test
    void aKeyedPostIsSentOnlyOnceWhereTheServiceDoesNotDeclareItHonoursKeys() {
        String citizen = Tokens.of("citizen");
        int before = hits("good POST") + hits("leaving POST");
        int refused = 0;
        int sent = 6;
        for (int i = 0; i < sent; i++) {
            refused += given().auth().oauth2(citizen).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/json").body("{}")
                    .when().post("/api/pair/v1/once").statusCode() == 503 ? 1 : 0;
        }
        assertEquals(before + sent, hits("good POST") + hits("leaving POST"));
        assertTrue(refused > 0, "round robin sent some to the leaving replica, and they were not sent again");
    }

    @Test
    void theGatewaysOwn503sForAServiceWithNoReplicaOpenTheCircuitToo() {
        // The service answers nothing at all (its port is closed): every 503 is the gateway's own. They count
        // against the circuit as a service's 503s do, so callers soon get the open circuit's answer at once
        // instead of a connection attempt and a readiness probe each.
        String citizen = Tokens.of("citizen");
        for (int i = 0; i < BackendsResource.GONE_REQUEST_VOLUME; i++) {
            given().auth().oauth2(citizen).when().get("/api/gone/v1/x")
                    .then().statusCode(503).header("Retry-After", equalTo(String.valueOf(OutOfServiceAnswer.RETRY_AFTER_SECONDS)));
        }
        given().get("/api/status").then()
                .body("services.find { it.name == 'gone' }.circuit", equalTo("OPEN"))
                .body("incidents.findAll { it.service == 'gone' }.kind", hasItem("CIRCUIT_OPENED"));
        // The open circuit answers: its Retry-After is the circuit's delay (60 s), not the 5 s of "no replica".
        given().auth().oauth2(citizen).when().get("/api/gone/v1/x")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("60"));
    }

    @Test
    void idempotentAndKeyedRequestsGoToTheOtherReplicaWhenOneAnswers503() throws Exception {
        String citizen = Tokens.of("citizen");
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(citizen).when().get("/api/pair/v1/x").then().statusCode(200).body("replica", equalTo("good"));
            given().auth().oauth2(citizen).when().delete("/api/pair/v1/x").then().statusCode(200);
        }
        byte[] body = new byte[BackendsResource.RETRY_BODY_LIMIT_BYTES / 2];
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        for (int i = 0; i < 6; i++) {
            // The buffered body reaches the second replica byte for byte.
            given().auth().oauth2(citizen).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/octet-stream").body(body)
                    .when().post("/api/pair/v1/x")
                    .then().statusCode(200).body("replica", equalTo("good"))
                    .body("bodyBytes", equalTo(body.length)).body("bodySha256", equalTo(sha));
        }
    }

    @Test
    void aPostWithoutAKeyOrWithTooLargeABodyIsNeverSentTwice() {
        String citizen = Tokens.of("citizen");
        int before = hits("good POST") + hits("leaving POST");
        int refused = 0;
        int sent = 6;
        for (int i = 0; i < sent; i++) {
            refused += given().auth().oauth2(citizen).contentType("application/json").body("{}")
                    .when().post("/api/pair/v1/x").statusCode() == 503 ? 1 : 0;
        }
        byte[] large = new byte[BackendsResource.RETRY_BODY_LIMIT_BYTES * 2];
        for (int i = 0; i < sent; i++) {
            refused += given().auth().oauth2(citizen).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/octet-stream").body(large)
                    .when().post("/api/pair/v1/x").statusCode() == 503 ? 1 : 0;
        }
        // Each POST reached exactly one replica; those that met the leaving one got its 503.
        assertEquals(before + 2 * sent, hits("good POST") + hits("leaving POST"));
        assertTrue(refused > 0, "round robin sent some to the leaving replica");
    }

    private static int hits(String key) {
        var counter = BackendsResource.PAIR_HITS.get(key);
        return counter == null ? 0 : counter.get();
    }

    static void awaitTrue(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not true within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
