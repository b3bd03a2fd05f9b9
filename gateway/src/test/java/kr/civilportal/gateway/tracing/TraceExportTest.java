package kr.civilportal.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * With a collector given (as on Kubernetes: {@code PORTAL_TRACES_ENDPOINT}, a sampler), the gateway's
 * spans reach it over OTLP, in the caller's trace. The collector here is a real HTTP server taking OTLP/HTTP
 * (protobuf) on {@code /v1/traces}; the span is found in what it received by its trace id and service name.
 */
@QuarkusTest
@TestProfile(TraceExportTest.ToACollector.class)
class TraceExportTest {

    static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
    static HttpServer collector;

    public static class ToACollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            collector.createContext("/v1/traces", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    RECEIVED.add(in.readAllBytes());
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            collector.start();
            // What k8s/base/tracing gives every app (there over gRPC to otel-collector:4317).
            return Map.of("PORTAL_TRACES_SAMPLER", "parentbased_traceidratio",
                    "PORTAL_TRACES_SAMPLER_ARG", "1.0",
                    "PORTAL_TRACES_ENDPOINT", "http://localhost:" + collector.getAddress().getPort(),
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "200ms");
        }
    }

    @Test
    void aRequestsSpanReachesTheCollectorInTheCallersTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().auth().oauth2(Tokens.of("citizen"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when().get("/api/residency/v1/me").then().statusCode(200);
        byte[] id = HexFormat.of().parseHex(traceId);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (RECEIVED.stream().noneMatch(body -> contains(body, id)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        byte[] span = RECEIVED.stream().filter(body -> contains(body, id)).findFirst()
                .orElseThrow(() -> new AssertionError("no span of trace " + traceId + " exported in 30 s ("
                        + RECEIVED.size() + " export requests)"));
        assertTrue(contains(span, "gateway".getBytes(StandardCharsets.UTF_8)), "the gateway's service name");
        collector.stop(0);
    }

    /** Whether the bytes hold that run of bytes (ISO-8859-1 maps each byte to one char, so this is exact). */
    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
