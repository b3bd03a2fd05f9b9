package kr.civilportal.gateway.relay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 119 store-and-forward against a stand-in emergency-report on a real socket and the gateway's real
 * PostgreSQL journal. The forwarder is run by the tests themselves (its schedule is off in %test).
 */
@QuarkusTest
class RelayTest {

    static final String REPORTS = "/api/emergency/v1/reports";
    static final String PHONE = "010-2345-6789";
    static final String BOUNDARY = "relay-test-boundary";

    @Inject
    HeldReportForwarder forwarder;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = EmergencyStandInResource.CONTROL_PORT)
    int controlPort;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void serviceBackAndNothingLeftHeld() throws Exception {
        control("up");
        forwarder.forwardDue();
    }

    @Test
    void whenTheServiceIsUpAReportGoesStraightThroughWithItsKey() throws Exception {
        control("up");
        String key = UUID.randomUUID().toString();
        String body = report("곧바로 전달");
        given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post(REPORTS)
                .then().statusCode(200)
                .header("Location", containsString("/api/emergency/v1/reports/"))
                .body("idempotencyKey", equalTo(key))
                .body("bodySha256", equalTo(sha256(body.getBytes(StandardCharsets.UTF_8))));
        assertEquals(0, heldRowsWithKey(key), "nothing held when the service took it");
    }

    @Test
    void aReportWithoutAKeyGetsOneSoThatEveryAttemptIsIdempotent() throws Exception {
        control("up");
        given().contentType("application/json").body(report("키 없는 신고"))
                .when().post(REPORTS)
                .then().statusCode(200)
                .body("idempotencyKey", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void whileTheServiceIsDownReportsAreHeldThenForwardedOnceOldestFirstWithTheSameBytes() throws Exception {
        control("down");
        String keyA = UUID.randomUUID().toString();
        byte[] multipart = multipart(report("사진과 함께 보관"), 50_000);
        String boundary = BOUNDARY;
        List<JsonPath> receipts = new ArrayList<>();
        receipts.add(held(given().contentType("application/json").header("Idempotency-Key", keyA)
                .body(report("첫 번째 보관 신고")).post(REPORTS)));
        receipts.add(held(given().contentType("multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(multipart).post(REPORTS)));
        receipts.add(held(given().contentType("application/json").body(report("키 없이 보관")).post(REPORTS)));

        // Held in the gateway's database, personal data sealed.
        String firstId = receipts.get(0).getString("relayId");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT body, client_address, state FROM held_report WHERE id = ?::uuid")) {
            s.setString(1, firstId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                String raw = new String(r.getBytes(1), StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains(PHONE) || raw.contains("126.978") || raw.contains("category"),
                        "the held body is encrypted");
                assertFalse(new String(r.getBytes(2), StandardCharsets.ISO_8859_1).contains("127.0.0.1"));
                assertEquals("HELD", r.getString(3));
            }
        }
        // The reporter can follow it; a wrong token gets the same 404 as an unknown id.
        given().header("Relay-Token", receipts.get(0).getString("relayToken"))
                .when().get("/api/emergency/v1/relay/" + firstId)
                .then().statusCode(200).body("state", equalTo("HELD")).body("messageKo", containsString("119"));
        given().header("Relay-Token", "wrong").when().get("/api/emergency/v1/relay/" + firstId)
                .then().statusCode(404).contentType("application/problem+json");

        // Still down: nothing is lost, nothing delivered.
        assertEquals(0, forwarder.forwardDue());
        given().when().get(receipts.get(0).getString("followUrl"))
                .then().statusCode(200).body("state", equalTo("HELD")).body("attempts", equalTo(1));

        control("up");
        assertEquals(3, forwarder.forwardDue());
        assertEquals(0, forwarder.forwardDue(), "nothing is due twice");

        List<String> keys = receipts.stream().map(r -> r.getString("idempotencyKey")).toList();
        List<String> arrived = received().stream().filter(line -> keys.contains(line.split(" ")[0])).toList();
        assertEquals(keys.stream().map(k -> k + " created").toList(), arrived,
                "each held report reached the service once, oldest first");

        JsonPath followed = given().when().get(receipts.get(1).getString("followUrl"))
                .then().statusCode(200).body("state", equalTo("DELIVERED")).body("deliveredAt", notNullValue())
                .extract().jsonPath();
        assertEquals(200, followed.getInt("service.status"));
        assertEquals(sha256(multipart), followed.getString("service.receipt.bodySha256"), "the very bytes sent");
        assertTrue(followed.getString("service.receipt.contentType").contains(boundary));
        assertTrue(!followed.getString("service.receipt.forwardedFor").isEmpty(), "the reporter's address passed on");
        String reportId = given().when().get(receipts.get(0).getString("followUrl")).then().statusCode(200)
                .extract().path("service.receipt.reportId");
        assertNull(bodyOf(firstId), "once delivered, the personal data lives in the service only");

        // The phone retries the first report after all: the service recognises it, no second report.
        given().contentType("application/json").header("Idempotency-Key", keyA).body(report("첫 번째 보관 신고"))
                .when().post(REPORTS)
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("reportId", equalTo(reportId));
    }

    @Test
    void aServiceShuttingDownWith503IsTreatedAsDown() throws Exception {
        control("unavailable");
        JsonPath receipt = held(given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(report("종료 중 신고")).post(REPORTS));
        assertEquals(0, forwarder.forwardDue());
        control("up");
        assertEquals(1, forwarder.forwardDue());
        given().when().get(receipt.getString("followUrl")).then().body("state", equalTo("DELIVERED"));
    }

    @Test
    void aReportTheServiceRefusesIsKeptAsAFailureForAPerson() throws Exception {
        control("down");
        JsonPath receipt = held(given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(report("REFUSE 거부될 신고")).post(REPORTS));
        control("up");
        assertEquals(1, forwarder.forwardDue());
        given().when().get(receipt.getString("followUrl"))
                .then().statusCode(200).body("state", equalTo("FAILED")).body("service.status", equalTo(400));
        assertEquals(1, heldRowsWithKey(receipt.getString("idempotencyKey")), "kept, never deleted");
        assertEquals(0, forwarder.forwardDue(), "and not sent again");
    }

    @Test
    void twoForwardersAtOnceSendEachHeldReportExactlyOnce() throws Exception {
        control("down");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(held(given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(report("동시 전달 " + i)).post(REPORTS)).getString("idempotencyKey"));
        }
        control("up");
        // Two gateways' forwarders, as two replicas would run them.
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(forwarder::forwardDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(forwarder::forwardDue);
        assertEquals(12, one.get() + two.get());
        List<String> arrived = received().stream().filter(line -> keys.contains(line.split(" ")[0])).toList();
        assertEquals(12, arrived.size(), "each sent once: " + arrived);
        assertTrue(arrived.stream().allMatch(line -> line.endsWith(" created")));
    }

    @Test
    void aBodyAboveTheHoldLimitStreamsThroughAsBeforeAndGetsThe503WhenDown() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024]; // %test max-held-body is 1M
        new Random(7).nextBytes(big);
        control("up");
        given().contentType("multipart/form-data; boundary=x").body(big).when().post(REPORTS)
                .then().statusCode(200).body("bodySha256", equalTo(sha256(big)));
        control("down");
        given().contentType("multipart/form-data; boundary=x").body(big).when().post(REPORTS)
                .then().statusCode(503).contentType("application/problem+json");
    }

    private static JsonPath held(Response response) {
        return response.then().statusCode(202)
                .contentType("application/json")
                .header("Location", containsString("/api/emergency/v1/relay/"))
                .body("state", equalTo("HELD"))
                .body("relayToken", notNullValue())
                .body("followUrl", containsString("token="))
                .body("message", containsString("call 119"))
                .body("messageKo", containsString("119에 전화"))
                .extract().jsonPath();
    }

    static String report(String description) {
        return """
                {"category":"FIRE","description":"%s","latitude":37.5665,"longitude":126.978,"reporterPhone":"%s"}"""
                .formatted(description, PHONE);
    }

    /** A report with a photo as a phone sends it, with {@link #BOUNDARY}. */
    static byte[] multipart(String json, int photoBytes) {
        String boundary = BOUNDARY;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; "
                + "filename=\"fire.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] jpeg = new byte[photoBytes];
        new Random(1).nextBytes(jpeg);
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        body.writeBytes(jpeg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private void control(String action) throws Exception {
        EmergencyStandInResource.control(http, controlPort, action);
    }

    private List<String> received() throws Exception {
        String json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + controlPort + "/received")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JsonPath.from(json).getList("$");
    }

    private long heldRowsWithKey(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM held_report WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private byte[] bodyOf(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT body FROM held_report WHERE id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
