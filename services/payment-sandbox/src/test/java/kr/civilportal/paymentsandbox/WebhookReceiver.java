package kr.civilportal.paymentsandbox;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.civilportal.paymentsandbox.webhook.WebhookSignature;

/**
 * The portal's side of the webhooks, as a real HTTP server on a free port: it checks every call's
 * {@code Payment-Signature} with the shared secret (a bad one is answered 401), answers 500 the first time it sees an
 * event and 200 afterwards, so every event is delivered only on its retry.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "receiver-test-webhook-secret";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One call as received. */
    public record Call(String eventId, String body, boolean signatureValid, int answered) {
    }

    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, Boolean> SEEN = new ConcurrentHashMap<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/passport/v1/payment-notifications", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean valid = WebhookSignature.verify(SECRET, exchange.getRequestHeaders().getFirst("Payment-Signature"),
                    body, Instant.now(), TOLERANCE);
            String eventId = body.replaceAll("(?s).*\"eventId\":\"([^\"]+)\".*", "$1");
            int status = !valid ? 401 : SEEN.putIfAbsent(eventId, true) == null ? 500 : 200;
            CALLS.add(new Call(eventId, body, valid, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return Map.of(
                "portal.payment-sandbox.webhook-url", "http://localhost:" + server.getAddress().getPort()
                        + "/api/passport/v1/payment-notifications",
                "portal.payment-sandbox.webhook-secret", SECRET);
    }

    public static List<Call> callsFor(String eventId) {
        return CALLS.stream().filter(c -> c.eventId().equals(eventId)).toList();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
