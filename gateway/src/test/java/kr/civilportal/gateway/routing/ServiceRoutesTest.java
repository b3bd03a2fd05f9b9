package kr.civilportal.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceRoutesTest {

    @Test
    void passesPathQueryTokenAndCustomHeadersThroughAndAddsATraceId() {
        String token = Tokens.of("citizen");
        given().auth().oauth2(token).header("X-Custom", "kept")
                .when().get("/api/residency/v1/me?x=1")
                .then().statusCode(200)
                .header("X-Upstream", "echo")
                .body("method", equalTo("GET"))
                .body("path", equalTo("/api/residency/v1/me?x=1"))
                .body("authorization", equalTo("Bearer " + token))
                .body("custom", equalTo("kept"))
                // The service sees the gateway's host, so the links it builds (Location) point there.
                .body("host", equalTo("localhost:" + io.restassured.RestAssured.port))
                .body("forwardedFor", not(emptyString()))
                // A trace id the service's log lines share; not sampled here (nothing is exported without a
                // collector: TraceExportTest has one), so the flags are 00.
                .body("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-00"));
    }

    @Test
    void keepsTheCallersTraceparent() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(Tokens.of("citizen")).header("traceparent", traceparent)
                .when().get("/api/residency/v1/me")
                .then().statusCode(200).body("traceparent", equalTo(traceparent));
    }

    @Test
    void streamsALargeBodyThroughUnchanged() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        // Above the bulk route's buffered-up-to (1M): streamed as it arrives.
        given().auth().oauth2(Tokens.of("citizen")).contentType("application/octet-stream").body(body)
                .when().post("/api/bulk/v1/upload")
                .then().statusCode(200)
                .body("bodyBytes", equalTo(body.length))
                .body("bodySha256", equalTo(sha));
    }

    @Test
    void aBodySentOverHttp2CleartextArrivesWhole() throws Exception {
        // The JDK's client asks for HTTP/2 by default and upgrades a plain http:// connection (h2c); HTTP/2 needs no
        // Content-Length, and the proxy must still write such a body whole to the service (HTTP/1.1).
        byte[] body = new byte[300 * 1024];
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        String token = Tokens.of("citizen");
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            // The first request carries the upgrade; the next ones go over the HTTP/2 connection itself, with a body
            // of known length and then one of unknown length (no content-length at all, as HTTP/2 allows).
            List<HttpRequest.BodyPublisher> bodies = List.of(HttpRequest.BodyPublishers.ofByteArray(body),
                    HttpRequest.BodyPublishers.ofByteArray(body),
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            List<HttpClient.Version> versions = new ArrayList<>();
            for (HttpRequest.BodyPublisher publisher : bodies) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + RestAssured.port + "/api/bulk/v1/upload"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/octet-stream")
                        .POST(publisher).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"bodyBytes\":" + body.length), answer.body());
                assertTrue(answer.body().contains("\"bodySha256\":\"" + sha + "\""), answer.body());
                versions.add(answer.version());
            }
            assertEquals(HttpClient.Version.HTTP_2, versions.getLast(), "the gateway speaks h2c: " + versions);
        }
    }

    @Test
    void anHttp2BodyOfUnknownLengthBeyondTheLimitIsRefusedWithA413() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024]; // over the bulk route's buffered-up-to (1M), which bounds a body of unknown length
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/api/bulk/v1/upload"))
                    .header("Authorization", "Bearer " + Tokens.of("citizen"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertTrue(answer.body().contains("Content-Length"), answer.body());
        }
    }

    @Test
    void withoutATokenTheGatewayRefusesBeforeTheService() {
        given().when().get("/api/residency/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:civilportal:problem:unauthenticated"));
    }

    @Test
    void aForgedTokenIsRefusedByTheGateway() {
        String token = Tokens.of("citizen");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(forged).when().get("/api/residency/v1/me").then().statusCode(401);
    }

    @Test
    void a119ReportNeedsNoLoginEvenWithAnExpiredOrBrokenToken() {
        given().contentType("application/json").body("{\"category\":\"FIRE\"}")
                .when().post("/api/emergency/v1/reports")
                .then().statusCode(200).body("method", equalTo("POST"));
        given().auth().oauth2("not-a-valid-token").contentType("application/json").body("{}")
                .when().post("/api/emergency/v1/reports")
                .then().statusCode(200);
        // Listing reports is for dispatchers: a login is required at the gateway already, and passes on.
        given().when().get("/api/emergency/v1/reports").then().statusCode(401);
        given().auth().oauth2(Tokens.of("dispatcher")).when().get("/api/emergency/v1/reports?size=5")
                .then().statusCode(200).body("method", equalTo("GET"));
    }

    @Test
    void aServiceWhoseRequestsHangGivesAProblem503AfterItsTimeOutNotAHang() {
        // "stuck" is ready (so it stays in rotation) but never answers a request: only the time-out can help.
        String citizen = Tokens.of("citizen");
        long start = System.nanoTime();
        Response response = given().auth().oauth2(citizen)
                .when().get("/api/stuck/v1/applications/mine");
        long millis = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo(String.valueOf(OutOfServiceAnswer.RETRY_AFTER_SECONDS)))
                .body("type", equalTo("urn:civilportal:problem:service-unavailable"))
                .body("detail", containsString("stuck"))
                .body("detailKo", containsString("stuck"));
        // The route's time-out is 2 s: the answer comes then, not after a socket time-out of minutes.
        assertTrue(millis >= 1_900 && millis < 10_000, "answered after " + millis + " ms");
    }

    @Test
    void aSlowPathGetsItsOwnLongerTimeOut() {
        String citizen = Tokens.of("citizen");
        long start = System.nanoTime();
        given().auth().oauth2(citizen).when().get("/api/stuck/v1/slow/stream")
                .then().statusCode(503).contentType("application/problem+json");
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Not cut at the route's 2 s: the stream path waits its own 4 s.
        assertTrue(millis >= BackendsResource.SLOW_PATH_TIMEOUT_SECONDS * 1000L - 100, "answered after " + millis + " ms");
    }

    @Test
    void aStoppedServiceGivesAProblem503AtOnce() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/gone/v1/parcels/1111010100100010000")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }

    @Test
    void otherRoutesKeepWorkingWhileOneServiceHangs() throws Exception {
        Thread hung = new Thread(() -> given().auth().oauth2(Tokens.of("citizen"))
                .get("/api/passport/v1/applications/mine"));
        hung.start();
        given().auth().oauth2(Tokens.of("citizen")).when().get("/api/residency/v1/me").then().statusCode(200);
        hung.join();
    }
}
