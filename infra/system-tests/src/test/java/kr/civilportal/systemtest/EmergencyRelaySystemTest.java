package kr.civilportal.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No 119 report is lost while every replica of emergency-report is down, not even if the gateway itself
 * crashes meanwhile; and none arrives twice.
 *
 * <p>PostgreSQL, Keycloak, two replicas of emergency-report and the gateway run as separate processes (the
 * launcher, ports shifted by {@value #PORT_OFFSET}). Both replicas are stopped; {@value #REPORTS} phones report
 * through the gateway (some with a photo, some without an Idempotency-Key) and each gets a 202 with a receipt.
 * The gateway is killed with SIGKILL and started again; then emergency-report is started. The gateway forwards
 * what it held: each report ends up in the service's database exactly once, each receipt link gives the
 * service's receipt, and that receipt works at the service.
 */
class EmergencyRelaySystemTest {

    static final int PORT_OFFSET = 4_000;
    static final int REPORTS = 12;
    static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(4);
    static final ObjectMapper JSON = new ObjectMapper();

    static Portal portal;
    static String gateway;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/emergency-relay-test").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get()).withoutWebApps().withoutPaymentProvider()
                .withReplicas(PortalApp.EMERGENCY_REPORT, 2)
                // Short back-off, so the test does not wait out a long one after the service is back.
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.relay.backoff-max", "3s");
        portal = Portal.startInfrastructure(options, line -> System.out.println("[portal] " + line));
        portal.start(PortalApp.EMERGENCY_REPORT);
        portal.start(PortalApp.GATEWAY);
        gateway = options.gatewayUrl();
    }

    @AfterAll
    static void stopEverything() {
        if (portal != null) {
            portal.close();
        }
    }

    record Sent(String description, String key, HttpRequest request) {
    }

    record Held(Sent sent, String relayId, String followUrl, String key) {
    }

    static Sent newReport(int n) {
        String description = "게이트웨이 보관 시험 신고 " + n + " " + UUID.randomUUID();
        String json = """
                {"category":"RESCUE","description":"%s","latitude":37.5665,"longitude":126.978,"accuracyMeters":15,
                 "reporterPhone":"010-9876-5432"}""".formatted(description);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + "/api/emergency/v1/reports"))
                .timeout(Duration.ofSeconds(60));
        // Every third phone sends no key: the gateway makes one, so its report still arrives once.
        String key = n % 3 == 0 ? null : UUID.randomUUID().toString();
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (n % 4 == 0) {
            String boundary = "b" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + json + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; "
                    + "filename=\"scene.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] jpeg = new byte[30_000];
            jpeg[0] = (byte) 0xFF;
            jpeg[1] = (byte) 0xD8;
            jpeg[2] = (byte) 0xFF;
            body.writeBytes(jpeg);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return new Sent(description, key, b.build());
    }

    @Test
    void reportsHeldWhileTheServiceIsDownSurviveAGatewayCrashAndArriveExactlyOnce() throws Exception {
        portal.stop(PortalApp.EMERGENCY_REPORT); // both replicas

        List<Held> held = new ArrayList<>();
        for (int n = 1; n <= REPORTS; n++) {
            Sent sent = newReport(n);
            HttpResponse<String> r = HTTP.send(sent.request(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, r.statusCode(), r.body());
            JsonNode receipt = JSON.readTree(r.body());
            assertTrue(receipt.path("messageKo").asText().contains("119"), r.body());
            assertTrue(receipt.path("message").asText().contains("call 119"), r.body());
            if (sent.key() != null) {
                assertEquals(sent.key(), receipt.path("idempotencyKey").asText());
            }
            held.add(new Held(sent, receipt.path("relayId").asText(), receipt.path("followUrl").asText(),
                    receipt.path("idempotencyKey").asText()));
        }
        assertEquals("HELD", follow(held.get(0)).path("state").asText());

        portal.killReplica(PortalApp.GATEWAY, 0); // kill -9: what it held must be on disk, not in memory
        portal.start(PortalApp.GATEWAY);
        assertEquals("HELD", follow(held.get(0)).path("state").asText(), "still held after the crash");

        portal.start(PortalApp.EMERGENCY_REPORT);
        long backAt = System.nanoTime();
        Map<String, JsonNode> delivered = new HashMap<>();
        long deadline = System.nanoTime() + DELIVERY_DEADLINE.toNanos();
        while (delivered.size() < held.size() && System.nanoTime() < deadline) {
            for (Held h : held) {
                if (!delivered.containsKey(h.relayId())) {
                    JsonNode state = follow(h);
                    if ("DELIVERED".equals(state.path("state").asText())) {
                        delivered.put(h.relayId(), state);
                    } else {
                        assertEquals("HELD", state.path("state").asText(), "never refused: " + state);
                    }
                }
            }
            if (delivered.size() < held.size()) {
                Thread.sleep(500); // polling the reporter's link, as a phone would
            }
        }
        long deliveredAfterMillis = (System.nanoTime() - backAt) / 1_000_000;
        assertEquals(held.size(), delivered.size(), "every held report delivered within " + DELIVERY_DEADLINE);

        // Exactly once in the service's database, and the receipt the reporter's link shows is that report's.
        int replayedRetries = 0;
        try (Connection db = DriverManager.getConnection(portal.database().jdbcUrl("emergency"), "emergency",
                Portal.devPassword(PortalApp.EMERGENCY_REPORT));
             PreparedStatement q = db.prepareStatement("""
                     SELECT r.id::text, (SELECT count(*) FROM report_attachment a WHERE a.report_id = r.id)
                     FROM emergency_report r WHERE r.description = ?""")) {
            for (Held h : held) {
                JsonNode service = delivered.get(h.relayId()).path("service");
                assertEquals(201, service.path("status").asInt(), service.toString());
                String reportId = service.path("receipt").path("reportId").asText();
                q.setString(1, h.sent().description());
                try (ResultSet r = q.executeQuery()) {
                    assertTrue(r.next(), "in the service: " + h.sent().description());
                    assertEquals(reportId, r.getString(1));
                    if (h.sent().request().headers().firstValue("Content-Type").orElse("").startsWith("multipart")) {
                        assertEquals(1, r.getLong(2), "with its photo");
                    }
                    assertTrue(!r.next(), "exactly once: " + h.sent().description());
                }
                // The service's receipt token works at the service, through the gateway, without a login.
                HttpResponse<String> receipt = HTTP.send(HttpRequest.newBuilder(
                                URI.create(gateway + "/api/emergency/v1/receipts/" + reportId))
                        .header("Receipt-Token", service.path("receipt").path("receiptToken").asText()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, receipt.statusCode(), receipt.body());
            }
            // A phone that retries with its key now gets the same report, not a second one.
            for (Held h : held) {
                if (h.sent().key() == null) {
                    continue;
                }
                HttpResponse<String> again = HTTP.send(h.sent().request(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, again.statusCode(), again.body());
                assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
                assertEquals(delivered.get(h.relayId()).path("service").path("receipt").path("reportId").asText(),
                        JSON.readTree(again.body()).path("reportId").asText());
                replayedRetries++;
            }
            try (PreparedStatement all = db.prepareStatement(
                    "SELECT count(*) FROM emergency_report WHERE description LIKE '게이트웨이 보관 시험 신고 %'");
                 ResultSet r = all.executeQuery()) {
                r.next();
                assertEquals(held.size(), r.getLong(1), "no report twice");
            }
        }
        System.out.printf("[relay] %d reports held (202) with every emergency-report replica down; gateway killed -9 "
                        + "and restarted; all %d delivered %d ms after the service was ready, each exactly once in "
                        + "the service's database; %d retries with the same key replayed, none duplicated%n",
                held.size(), delivered.size(), deliveredAfterMillis, replayedRetries);
    }

    static JsonNode follow(Held h) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + h.followUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
