package kr.civilportal.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Residency certificates under load: issuance (the PDF rendered with the embedded Korean font and a QR code,
 * the record stored) and public verification of the issued numbers, each at a fixed concurrency, through the
 * gateway and, for verification, also direct. Prints {@code [bench]} lines (throughput, p50, p99).
 *
 * <p>Run: {@code mvn -q -pl infra/system-tests verify -Dtest=CertificateBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (rebuild the residency jar first: {@code mvn -q -f services/residency/pom.xml install -DskipTests}).
 * {@code -Dbench.residents=100000} seeds the load-test population first (the numbers then show issuance
 * against a full table). Asserts only that every request succeeded, never a time.
 */
class CertificateBenchmark {

    static final int PORT_OFFSET = 7_000;
    static final int ISSUE_CONCURRENCY = 8;
    static final int ISSUE_REQUESTS = 800;
    static final int VERIFY_CONCURRENCY = 16;
    static final int VERIFY_REQUESTS = 8000;

    static Portal portal;
    static PortalOptions options;
    static String tokenEndpoint;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/certificate-benchmark").toAbsolutePath());
        options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withoutWebApps();
        String residents = System.getProperty("bench.residents", "0");
        if (!"0".equals(residents)) {
            options = options.withAppConfig(PortalApp.RESIDENCY, "portal.residency.load-test-residents", residents);
        }
        long started = System.nanoTime();
        portal = Portal.start(options, System.out::println);
        System.out.printf("[bench] portal started in %.1f s (load-test residents: %s)%n",
                (System.nanoTime() - started) / 1e9, residents);
        tokenEndpoint = portal.keycloak().tokenEndpoint();
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void issueThenVerify() throws Exception {
        String gateway = options.gatewayUrl();
        String direct = options.serviceUrl(PortalApp.RESIDENCY);
        String token = Tokens.of(tokenEndpoint, "citizen");
        LoadRunner runner = new LoadRunner();
        List<String> numbers = Collections.synchronizedList(new ArrayList<>());

        HttpClient client = HttpClient.newHttpClient();
        // Warm-up: JIT, connection pools, font parsing; numbers kept for verification.
        for (int i = 0; i < 40; i++) {
            HttpResponse<byte[]> r = client.send(issue(gateway, token, i), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(201, r.statusCode());
            numbers.add(r.headers().firstValue("Issuance-Number").orElseThrow());
        }

        LoadRunner.Result issued = runner.run("certificate issuance via gateway (PDF)", ISSUE_CONCURRENCY,
                ISSUE_REQUESTS, Duration.ofMinutes(5), i -> issue(gateway, Tokens.of(tokenEndpoint, "citizen"), i));
        assertEquals(issued.requests(), issued.count(201), "every issuance succeeded");

        // The numbers to verify: those issued above, read back from the holder's list.
        HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create(gateway + "/api/residency/v1/certificates"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode());
        var matcher = java.util.regex.Pattern.compile("\"issuanceNumber\":\"([0-9-]{19})\"").matcher(list.body());
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        assertTrue(numbers.size() > ISSUE_REQUESTS);
        String[] known = numbers.toArray(String[]::new);

        // Through the gateway the verification needs a login until the gateway opens the path (see the
        // residency README); a token is sent and ignored by the public endpoint.
        LoadRunner.Result viaGateway = runner.run("verification via gateway", VERIFY_CONCURRENCY, VERIFY_REQUESTS,
                Duration.ofMinutes(5), i -> HttpRequest.newBuilder(
                                URI.create(gateway + "/api/residency/v1/verifications/" + known[i % known.length]))
                        .header("Authorization", "Bearer " + Tokens.of(tokenEndpoint, "citizen")).build());
        LoadRunner.Result directly = runner.run("verification direct (no login)", VERIFY_CONCURRENCY, VERIFY_REQUESTS,
                Duration.ofMinutes(5), i -> HttpRequest.newBuilder(
                        URI.create(direct + "/api/residency/v1/verifications/" + known[i % known.length])).build());
        LoadRunner.printRatio("verification: gateway vs direct", directly, viaGateway);
        assertEquals(viaGateway.requests(), viaGateway.count(200), "every verification answered genuine");
        assertEquals(directly.requests(), directly.count(200), "every verification answered genuine");
    }

    private static HttpRequest issue(String gateway, String token, int i) {
        String kind = i % 2 == 0 ? "HOUSEHOLD" : "PERSONAL_HISTORY";
        return HttpRequest.newBuilder(URI.create(gateway + "/api/residency/v1/certificates"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"" + kind + "\",\"includeFormerAddresses\":true}"))
                .build();
    }
}
