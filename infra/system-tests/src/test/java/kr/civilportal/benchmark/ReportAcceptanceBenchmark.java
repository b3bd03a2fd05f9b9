package kr.civilportal.benchmark;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 119 report acceptance through the gateway: throughput and p50/p99 at a fixed concurrency, a plain JSON
 * report vs. a multipart report with one 200 KB photo, each with its own Idempotency-Key. Every answer is a
 * committed report (synchronous commit on), so this measures the durable path. Ports shifted by
 * {@value #PORT_OFFSET}. Not a test (the name does not end in Test): run it on purpose, see README.
 */
class ReportAcceptanceBenchmark {

    static final int PORT_OFFSET = 8_000;
    static final int CONCURRENCY = 16;
    static final int WARM_UP = 300;
    static final int REQUESTS = 2_000;
    static final int PHOTO_BYTES = 200_000;
    static Portal portal;
    static String gateway;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/report-acceptance-benchmark").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withoutWebApps();
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        gateway = options.gatewayUrl();
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    static final String JSON = """
            {"category":"FIRE","description":"벤치마크 신고 %d","latitude":37.5665,"longitude":126.978,
             "accuracyMeters":10,"reporterPhone":"010-1234-5678"}""";

    static HttpRequest plain(int i) {
        return HttpRequest.newBuilder(URI.create(gateway + "/api/emergency/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.formatted(i))).build();
    }

    static final byte[] PHOTO = photo();

    static byte[] photo() {
        byte[] b = new byte[PHOTO_BYTES];
        Arrays.fill(b, (byte) 0x37);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        return b;
    }

    static HttpRequest withPhoto(int i) {
        String boundary = "bench" + i;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + JSON.formatted(i) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"p.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(PHOTO);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(gateway + "/api/emergency/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    @Test
    void reportAcceptance() {
        LoadRunner runner = new LoadRunner();
        Duration limit = Duration.ofMinutes(3);
        runner.run("warm-up", CONCURRENCY, WARM_UP, limit, ReportAcceptanceBenchmark::plain);
        runner.run("warm-up with photo", CONCURRENCY, WARM_UP / 3, limit, ReportAcceptanceBenchmark::withPhoto);
        LoadRunner.Result json = runner.run("report JSON via gateway", CONCURRENCY, REQUESTS, limit,
                ReportAcceptanceBenchmark::plain);
        LoadRunner.Result photo = runner.run("report + 200 KB photo via gateway", CONCURRENCY, REQUESTS / 2, limit,
                ReportAcceptanceBenchmark::withPhoto);
        LoadRunner.printRatio("photo vs JSON", json, photo);
    }
}
