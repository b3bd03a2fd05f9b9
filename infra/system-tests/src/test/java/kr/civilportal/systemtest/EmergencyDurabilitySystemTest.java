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
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 119 report whose 201 answer was sent survives a kill -9 of the process that accepted it.
 *
 * <p>PostgreSQL, Keycloak and the emergency-report service run as separate processes (the launcher, ports
 * shifted by {@value #PORT_OFFSET}); the gateway is left out, since what is tested is the service's own
 * acceptance. {@value #SENDERS} phones send reports (every fifth with a photo) with an Idempotency-Key each;
 * once {@value #KILL_AFTER} answers have arrived, the service is killed with SIGKILL while requests are in
 * flight. After a restart: every report whose 201 arrived is in the database, with its photo, and on the
 * dispatcher list; and each request cut off by the kill, retried with its key as a phone would, yields
 * exactly one report, whether or not the first attempt had committed.
 */
class EmergencyDurabilitySystemTest {

    static final int PORT_OFFSET = 5_000;
    static final int SENDERS = 16;
    static final int KILL_AFTER = 200;
    static final ObjectMapper JSON = new ObjectMapper();

    static Portal portal;
    static String service;

    @BeforeAll
    static void startServiceAndItsInfrastructure() throws Exception {
        Path work = Files.createDirectories(Path.of("target/emergency-durability-test").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get());
        portal = Portal.startInfrastructure(options, line -> System.out.println("[portal] " + line));
        portal.start(PortalApp.EMERGENCY_REPORT);
        service = options.serviceUrl(PortalApp.EMERGENCY_REPORT);
    }

    @AfterAll
    static void stopEverything() {
        if (portal != null) {
            portal.close();
        }
    }

    /** One report as a phone sends it; the same bytes again on a retry. */
    record Sent(String key, String description, boolean withPhoto, HttpRequest request) {
    }

    record Accepted(Sent sent, String reportId) {
    }

    static Sent newReport(int n) {
        String key = UUID.randomUUID().toString();
        String description = "kill -9 시험 신고 " + n + " " + key;
        String json = """
                {"category":"FIRE","description":"%s","latitude":37.5665,"longitude":126.978,"accuracyMeters":10,
                 "reporterPhone":"010-1234-5678"}""".formatted(description);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service + "/api/emergency/v1/reports"))
                .timeout(Duration.ofSeconds(60)).header("Idempotency-Key", key);
        boolean photo = n % 5 == 0;
        if (photo) {
            String boundary = "b" + key;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + json + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; "
                    + "filename=\"fire.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] jpeg = new byte[20_000];
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
        return new Sent(key, description, photo, b.build());
    }

    @Test
    void everyReportAnsweredBeforeAKill9IsStillThereAfterTheRestart() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        Queue<Sent> cutOff = new ConcurrentLinkedQueue<>();
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger numbers = new AtomicInteger();
        CountDownLatch enoughAnswers = new CountDownLatch(KILL_AFTER);
        CountDownLatch sendersDone = new CountDownLatch(SENDERS);

        ExecutorService phones = Executors.newVirtualThreadPerTaskExecutor();
        for (int p = 0; p < SENDERS; p++) {
            phones.submit(() -> {
                try {
                    while (!stop.get()) {
                        Sent sent = newReport(numbers.incrementAndGet());
                        try {
                            HttpResponse<String> r = client.send(sent.request(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                accepted.add(new Accepted(sent, JSON.readTree(r.body()).path("reportId").asText()));
                                enoughAnswers.countDown();
                            } else {
                                unexpected.add(r.statusCode() + " " + r.body());
                            }
                        } catch (java.io.IOException e) {
                            // No answer: the phone does not know whether the report was taken.
                            cutOff.add(sent);
                        }
                    }
                } catch (Exception e) {
                    unexpected.add(e.toString());
                } finally {
                    sendersDone.countDown();
                }
            });
        }
        assertTrue(enoughAnswers.await(5, TimeUnit.MINUTES), "the service answered " + accepted.size() + " reports");
        portal.killReplica(PortalApp.EMERGENCY_REPORT, 0);   // SIGKILL with requests in flight
        stop.set(true);
        assertTrue(sendersDone.await(2, TimeUnit.MINUTES), "every phone saw its last request end");
        phones.shutdown();
        assertEquals(List.of(), new ArrayList<>(unexpected), "no answer other than 201 or a cut connection");
        List<Accepted> answered = new ArrayList<>(accepted);

        portal.start(PortalApp.EMERGENCY_REPORT);

        // 1. Every answered report is in the service's database, with its photo.
        int found = 0;
        int photos = 0;
        try (Connection db = DriverManager.getConnection(portal.database().jdbcUrl("emergency"), "emergency",
                Portal.devPassword(PortalApp.EMERGENCY_REPORT));
             PreparedStatement q = db.prepareStatement("""
                     SELECT r.description, (SELECT count(*) FROM report_attachment a WHERE a.report_id = r.id)
                     FROM emergency_report r WHERE r.id = ?::uuid""")) {
            for (Accepted a : answered) {
                q.setString(1, a.reportId());
                try (ResultSet r = q.executeQuery()) {
                    if (r.next() && r.getString(1).equals(a.sent().description())) {
                        found++;
                        if (a.sent().withPhoto()) {
                            assertEquals(1, r.getLong(2), "the photo of " + a.reportId() + " is stored with it");
                            photos++;
                        }
                    }
                }
            }
        }

        // 2. And on the dispatcher list, through the API with a real dispatcher token.
        portal.awaitKeycloak();
        String dispatcher = Tokens.of(portal.keycloak().tokenEndpoint(), "dispatcher");
        int onTheList = 0;
        for (Accepted a : answered) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                            URI.create(service + "/api/emergency/v1/reports/" + a.reportId()))
                    .header("Authorization", "Bearer " + dispatcher).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && JSON.readTree(r.body()).path("description").asText().equals(a.sent().description())) {
                onTheList++;
            }
        }

        // 3. Requests cut off by the kill, retried with their key: exactly one report each.
        int replayed = 0;
        int createdOnRetry = 0;
        List<Sent> retried = new ArrayList<>(cutOff);
        try (Connection db = DriverManager.getConnection(portal.database().jdbcUrl("emergency"), "emergency",
                Portal.devPassword(PortalApp.EMERGENCY_REPORT));
             PreparedStatement q = db.prepareStatement("SELECT count(*) FROM emergency_report WHERE description = ?")) {
            for (Sent s : retried) {
                HttpResponse<String> r = client.send(s.request(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, r.statusCode(), r.body());
                if ("true".equals(r.headers().firstValue("Idempotent-Replayed").orElse(null))) {
                    replayed++;
                } else {
                    createdOnRetry++;
                }
                q.setString(1, s.description());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getLong(1), "one report for a request sent twice");
                }
            }
        }

        long expectedPhotos = answered.stream().filter(a -> a.sent().withPhoto()).count();
        System.out.printf("[durability] %d reports answered 201 before kill -9 (%d with a photo), %d requests cut off; "
                        + "after restart: %d/%d in the database (%d photos), %d/%d on the dispatcher list; "
                        + "cut-off retries: %d replayed (committed before the kill), %d created now%n",
                answered.size(), expectedPhotos, retried.size(), found, answered.size(), photos, onTheList,
                answered.size(), replayed, createdOnRetry);
        assertTrue(answered.size() >= KILL_AFTER);
        assertEquals(answered.size(), found, "every answered report survived the kill");
        assertEquals(expectedPhotos, photos, "with its photo");
        assertEquals(answered.size(), onTheList, "and the dispatcher sees it");
    }
}
