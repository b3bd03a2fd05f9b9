package kr.civilportal.gateway.limits;

import kr.civilportal.common.problem.ProblemType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.civilportal.gateway.RawHttp;
import kr.civilportal.gateway.routing.BackendsResource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Each limit of land-registry's real route (its stand-in counts what reaches it) refused at the gateway with the
 * right problem, the service never called, and the circuit left closed.
 */
@QuarkusTest
class RequestLimitsTest {

    static final String OWNERS = "/api/land/v1/parcels/1111010100100150000/owners";
    static final int TWELVE_MB = 12 * 1024 * 1024;
    /** More bad requests of each kind than land-registry's circuit window (20). */
    static final int BAD_REQUESTS = 25;
    static final int SEVEN_MB = 7 * 1024 * 1024;

    @Test
    void twelveMegabytesOfJsonForAnOwnerChangeAreRefusedAtOnceBeforeAByteIsSent() throws Exception {
        String citizen = Tokens.of("citizen");
        int hits = BackendsResource.LAND_HITS.get();
        long start = System.nanoTime();
        try (RawHttp http = RawHttp.connect()) {
            RawHttp.Answer answer = http.head("POST", OWNERS, Map.of("Authorization", "Bearer " + citizen,
                    "Content-Type", "application/json", "Content-Length", Integer.toString(TWELVE_MB))).read();
            assertEquals(413, answer.status());
            assertEquals("application/problem+json", answer.header("Content-Type"));
            JsonPath problem = JsonPath.from(answer.body());
            assertEquals("urn:civilportal:problem:content-too-large", problem.getString("type"));
            assertTrue(problem.getString("detail").contains("at most 65536"), problem.getString("detail"));
            assertTrue(problem.getString("detailKo").contains("65536"));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "refused after " + millis + " ms");
        // A client that sends the whole 12 MB anyway reads the same answer.
        given().auth().oauth2(citizen).contentType("application/json").body(new byte[TWELVE_MB])
                .when().post(OWNERS)
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(hits, BackendsResource.LAND_HITS.get(), "nothing reached land-registry");
    }

    @Test
    void headersOverTheRoutesLimitGet431AndABodyOfTheWrongTypeGets415() {
        String citizen = Tokens.of("citizen");
        int hits = BackendsResource.LAND_HITS.get();
        given().auth().oauth2(citizen).header("X-Padding", "x".repeat(20 * 1024)).when().get("/api/land/v1/parcels/1")
                .then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:header-fields-too-large"));
        given().auth().oauth2(citizen).contentType("text/plain").body("owner=me").when().post(OWNERS)
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:unsupported-media-type"))
                .body("detail", containsString("application/json"));
        // A passport photo must be a JPEG, and at most 500 KB: refused at the gateway even though passport hangs.
        given().auth().oauth2(citizen).contentType("application/json").body("{}")
                .when().put("/api/passport/v1/applications/3f2a/photo")
                .then().statusCode(415).body("detail", containsString("image/jpeg"));
        given().auth().oauth2(citizen).contentType("image/jpeg").body(new byte[500 * 1024 + 1])
                .when().put("/api/passport/v1/applications/3f2a/photo")
                .then().statusCode(413);
        assertEquals(hits, BackendsResource.LAND_HITS.get());
        // A body of the right type and size goes through, whole.
        long bytes = BackendsResource.LAND_BYTES.get();
        given().auth().oauth2(citizen).contentType("application/json; charset=UTF-8").body("{\"owner\":\"김민수\"}")
                .when().post(OWNERS).then().statusCode(200).body("service", equalTo("land-registry"));
        assertEquals(bytes + "{\"owner\":\"김민수\"}".getBytes(StandardCharsets.UTF_8).length, BackendsResource.LAND_BYTES.get());
    }

    @Test
    void aSupplementAnswerWithDocumentsMayBeSevenMegabytesOfMultipartOnItsPathOnly() throws Exception {
        String citizen = Tokens.of("citizen");
        // residency's move-in 보완 answer and passport's 보완 제출: 3 x 2 MB of documents plus the text, nothing more.
        for (String path : List.of("/api/residency/v1/move-ins/3f2a/supplement-answer",
                "/api/passport/v1/applications/3f2a/resubmission")) {
            try (RawHttp http = RawHttp.connect()) {
                RawHttp.Answer answer = http.head("POST", path, Map.of("Authorization", "Bearer " + citizen,
                        "Content-Type", "multipart/form-data; boundary=x",
                        "Content-Length", Integer.toString(SEVEN_MB + 1))).read();
                assertEquals(413, answer.status(), path);
                assertTrue(JsonPath.from(answer.body()).getString("detail").contains("at most " + SEVEN_MB),
                        answer.body());
            }
            given().auth().oauth2(citizen).contentType("text/plain").body("answer").when().post(path)
                    .then().statusCode(415).contentType("application/problem+json")
                    .body("detail", containsString("multipart/form-data"));
        }
        // Elsewhere on the passport route, multipart is no type it takes.
        given().auth().oauth2(citizen).contentType("multipart/form-data; boundary=x")
                .body("--x--".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/passport/v1/applications/3f2a/transitions")
                .then().statusCode(415).body("detail", containsString("application/json"));
    }

    @Test
    void aRequestLineOverWhatTheServicesTakeGets414ProblemAtTheGateway() {
        String citizen = Tokens.of("citizen");
        int hits = BackendsResource.LAND_HITS.get();
        // 6 KB of query: over the services' own 4096-byte line (which would answer a bare 414 with no body), under
        // the gateway's Vert.x cap, so the gateway answers it itself as a problem.
        given().auth().oauth2(citizen).urlEncodingEnabled(false).queryParam("q", "a".repeat(6 * 1024))
                .when().get("/api/land/v1/parcels/1")
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:uri-too-long"))
                .body("detail", containsString("at most 4096"));
        assertEquals(hits, BackendsResource.LAND_HITS.get(), "nothing reached land-registry");
        // Just under the line's limit still goes through.
        String query = "a".repeat(4096 - "GET /api/land/v1/parcels/1?q= HTTP/1.1".length());
        given().auth().oauth2(citizen).urlEncodingEnabled(false).queryParam("q", query)
                .when().get("/api/land/v1/parcels/1").then().statusCode(200);
        assertEquals(hits + 1, BackendsResource.LAND_HITS.get());
    }

    @Test
    void aSenderTooSlowGets408WithoutHoldingABulkheadPlace() throws Exception {
        String citizen = Tokens.of("citizen");
        int hits = BackendsResource.LAND_HITS.get();
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", OWNERS, Map.of("Authorization", "Bearer " + citizen, "Content-Type", "application/json",
                    "Content-Length", "100")).send("{\"owner\":".getBytes(StandardCharsets.US_ASCII));
            // While it dawdles, it holds no place of land-registry's bulkhead (it is read before one is taken).
            assertEquals(0, bulkheadInUse("land-registry"));
            long start = System.nanoTime();
            RawHttp.Answer answer = http.read();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(408, answer.status());
            assertEquals("urn:civilportal:problem:request-timeout", JsonPath.from(answer.body()).getString("type"));
            assertTrue(millis < BackendsResource.LAND_BODY_TIMEOUT_MILLIS + 2000, "after " + millis + " ms");
        }
        assertEquals(hits, BackendsResource.LAND_HITS.get());
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndSentOnWithItsLength() throws Exception {
        String citizen = Tokens.of("citizen");
        try (RawHttp http = RawHttp.connect()) {
            String json = "{\"owner\":\"lee\"}";
            http.head("POST", OWNERS, Map.of("Authorization", "Bearer " + citizen, "Content-Type", "application/json",
                    "Transfer-Encoding", "chunked"))
                    .send((Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, http.read().status());
        }
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", OWNERS, Map.of("Authorization", "Bearer " + citizen, "Content-Type", "application/json",
                    "Transfer-Encoding", "chunked"));
            byte[] chunk = new byte[16 * 1024];
            String size = Integer.toHexString(chunk.length) + "\r\n";
            for (int i = 0; i < 5; i++) { // 80 KB: over land-registry's 64 KB
                http.send(size.getBytes(StandardCharsets.US_ASCII)).send(chunk).send("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            http.send("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(413, http.read().status());
        }
    }

    @Test
    void manyBadRequestsOfEveryKindLeaveTheCircuitClosedAndTheServiceServingOthers() throws Exception {
        String citizen = Tokens.of("citizen");
        int hits = BackendsResource.LAND_HITS.get();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> bad = new ArrayList<>();
            for (int i = 0; i < BAD_REQUESTS; i++) {
                bad.add(pool.submit(() -> given().auth().oauth2(citizen).contentType("application/json")
                        .body(new byte[70 * 1024]).post(OWNERS).statusCode()));
                bad.add(pool.submit(() -> given().auth().oauth2(citizen).contentType("application/xml")
                        .body("<owner/>").post(OWNERS).statusCode()));
                bad.add(pool.submit(() -> slowSender(citizen)));
                bad.add(pool.submit(() -> hangUpMidUpload(citizen)));
            }
            // Meanwhile another citizen is served as usual.
            String other = Tokens.of("citizen2");
            for (int i = 0; i < 10; i++) {
                given().auth().oauth2(other).when().get("/api/land/v1/parcels/" + i).then().statusCode(200);
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : bad) {
                statuses.add(f.get());
            }
            assertTrue(statuses.stream().allMatch(s -> s == 413 || s == 415 || s == 408 || s == 0), statuses.toString());
            assertEquals(BAD_REQUESTS, statuses.stream().filter(s -> s == 408).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(hits + 10, BackendsResource.LAND_HITS.get(), "only the good requests reached land-registry");
        given().when().get("/api/status").then()
                .body("services.find { it.name == 'land-registry' }.circuit", equalTo("CLOSED"))
                .body("services.find { it.name == 'land-registry' }.status", equalTo("UP"));
        given().auth().oauth2(citizen).when().get("/api/land/v1/parcels/1").then().statusCode(200);
    }

    @Test
    void streamedUploadsThatStallOrHangUpCountNeitherAgainstTheCircuitNorForIt() throws Exception {
        // The bulk route streams bodies above 1 MB as they arrive; a stall shows as its 2 s time-out.
        String citizen = Tokens.of("citizen");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < BAD_REQUESTS; i++) {
                calls.add(pool.submit(() -> partialUpload(citizen, true)));
                calls.add(pool.submit(() -> partialUpload(citizen, false)));
            }
            for (Future<Integer> call : calls) {
                int status = call.get();
                assertTrue(status == 408 || status == 0, "got " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/api/status").then()
                .body("services.find { it.name == 'bulk' }.circuit", equalTo("CLOSED"));
        given().auth().oauth2(citizen).contentType("application/octet-stream").body(new byte[3 * 1024 * 1024])
                .when().post("/api/bulk/v1/upload").then().statusCode(200).body("bodyBytes", equalTo(3 * 1024 * 1024));
    }

    /** Declares 3 MB, sends 1.5 MB, then waits for the answer (408) or hangs up (0). */
    private static int partialUpload(String token, boolean waitForAnswer) throws Exception {
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", "/api/bulk/v1/upload", Map.of("Authorization", "Bearer " + token,
                    "Content-Type", "application/octet-stream", "Content-Length", Integer.toString(3 * 1024 * 1024)))
                    .send(new byte[1536 * 1024]);
            return waitForAnswer ? http.read().status() : 0;
        }
    }

    /** Declares 200 bytes, sends 20, then waits for the answer. */
    private static int slowSender(String token) throws Exception {
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", OWNERS, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                    "Content-Length", "200")).send(new byte[20]);
            return http.read().status();
        }
    }

    /** Declares 2,000 bytes, sends 500, and hangs up: nobody to answer (0). */
    private static int hangUpMidUpload(String token) throws Exception {
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", OWNERS, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                    "Content-Length", "2000")).send(new byte[500]);
        }
        return 0;
    }

    static double bulkheadInUse(String route) {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("portal_gateway_bulkhead_in_use{route=\"" + route + "\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
