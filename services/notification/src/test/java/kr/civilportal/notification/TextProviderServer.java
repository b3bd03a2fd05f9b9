package kr.civilportal.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kr.civilportal.testsupport.FreePort;

/**
 * A real text-message provider for the tests (JDK HttpServer on a free port), speaking docs/text-messages.md like
 * the launcher's sink. Numbers choose the answer, so tests can drive every branch: {@code 0109…} has no KakaoTalk
 * (409 not-a-kakao-user on /v1/alimtalk), {@code 0104…} is refused (400), {@code 0105…} fails once (503) and is then
 * taken. Keeps what it accepted, repeats included.
 */
public class TextProviderServer implements QuarkusTestResourceLifecycleManager {

    public static final String NO_KAKAO = "0109";
    public static final String REFUSED = "0104";
    public static final String FAILS_ONCE = "0105";
    private static final int NO_CONTENT = -1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Message> ACCEPTED = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private HttpServer server;

    /** A message the provider took: channel {@code sms} or {@code alimtalk}. */
    public record Message(String channel, String to, String text, String templateCode, String reference) {
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.belowEphemeralRange()), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The test text-message provider does not start", e);
        }
        server.createContext("/v1/sms", exchange -> answer(exchange, "sms"));
        server.createContext("/v1/alimtalk", exchange -> answer(exchange, "alimtalk"));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("portal.notification.text.sms-url", base, "portal.notification.text.alimtalk-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Every message accepted for the number, oldest first. */
    public static List<Message> receivedBy(String to) {
        return ACCEPTED.stream().filter(m -> m.to().equals(to)).toList();
    }

    /** Every call made for the number, accepted or not. */
    public static int callsFor(String to) {
        AtomicInteger calls = CALLS.get(to);
        return calls == null ? 0 : calls.get();
    }

    private static void answer(HttpExchange exchange, String channel) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, NO_CONTENT);
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String to = body.path("to").asText();
            int call = CALLS.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
            if (to.startsWith(REFUSED)) {
                problem(exchange, 400, "bad-request");
            } else if (to.startsWith(FAILS_ONCE) && call == 1) {
                problem(exchange, 503, "unavailable");
            } else if (to.startsWith(NO_KAKAO) && channel.equals("alimtalk")) {
                problem(exchange, 409, "not-a-kakao-user");
            } else {
                ACCEPTED.add(new Message(channel, to, body.path("text").asText(),
                        body.hasNonNull("templateCode") ? body.get("templateCode").asText() : null,
                        body.path("reference").asText()));
                send(exchange, 202, "application/json", "{\"messageId\":\"" + UUID.randomUUID() + "\"}");
            }
        }
    }

    private static void problem(HttpExchange exchange, int status, String type) throws IOException {
        send(exchange, status, "application/problem+json",
                "{\"type\":\"https://civilportal.example/problems/" + type + "\",\"status\":" + status + "}");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
