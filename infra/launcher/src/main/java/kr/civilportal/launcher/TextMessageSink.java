package kr.civilportal.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The text-message sink: the SMS and KakaoTalk 알림톡 provider API of docs/text-messages.md, answered in the
 * launcher's own JVM (no process of its own: it is a few hundred lines over the JDK's HTTP server), so the
 * notification service sends its text messages somewhere real and people and tests can read what it sent.
 *
 * <p>{@code POST /v1/sms} and {@code POST /v1/alimtalk} take a message ({@code 202 {"messageId"}}); numbers starting
 * {@value #NOT_A_KAKAO_USER_PREFIX} have no KakaoTalk ({@code 409}, so the fall-back to SMS can be driven);
 * {@code GET /v1/messages?to=} gives what one number was sent, oldest first; {@code DELETE /v1/messages} forgets
 * everything. Every message accepted is kept (in memory, gone when the launcher stops), repeats included, since the
 * notification service sends at least once and a test must be able to count.
 */
public final class TextMessageSink implements AutoCloseable {

    /** Numbers with this prefix are not KakaoTalk users: 알림톡 is refused with 409 (docs/text-messages.md). */
    public static final String NOT_A_KAKAO_USER_PREFIX = "0109";
    /** The problem types end in their name, as a provider's do; the notification service matches the ending. */
    static final String PROBLEM_TYPE_BASE = "https://text-provider.civilportal.example/problems/";
    static final String PROBLEM_JSON = "application/problem+json";
    /** The provider's limit for one SMS (an LMS above 90 bytes); carriers count bytes in EUC-KR. */
    static final int SMS_MAX_BYTES = 2_000;
    private static final Charset CARRIER_CHARSET = Charset.forName("EUC-KR");
    /** Requests are tiny and rare; two threads keep a slow reader from holding up a send. */
    private static final int THREADS = 2;
    /** Bodies above this are no message anyone sends; refused rather than read into memory. */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    /** Seconds close waits for requests in flight. */
    private static final int STOP_DELAY_SECONDS = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as the sink keeps it; {@code templateCode} is null for an SMS. */
    public record TextMessage(String channel, String to, String text, String templateCode, String reference,
                              Instant receivedAt) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<TextMessage> messages = new ArrayList<>();

    private TextMessageSink(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listening (on loopback, like the mail catcher) when it returns: no readiness to wait for. */
    public static TextMessageSink start(int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Text-message sink: cannot listen on port " + port, e);
        }
        // Daemon threads: the launcher must exit once the portal is down, whatever a client is doing.
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "text-message-sink");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        TextMessageSink sink = new TextMessageSink(server, executor);
        server.createContext("/v1/", sink::handle);
        server.start();
        return sink;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL the notification service is given ({@code portal.notification.text.*-url}). */
    public String url() {
        return "http://localhost:" + port();
    }

    /** What one number was sent, read over the sink's own API (a JSON array as {@code GET /v1/messages} gives it). */
    public String messagesFor(String to) {
        try {
            return Http.body("GET", url() + "/v1/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Forgets every message (its {@code DELETE /v1/messages}). */
    public void purge() {
        try {
            Http.body("DELETE", url() + "/v1/messages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(STOP_DELAY_SECONDS);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/v1/sms" -> {
                    if (allowed(exchange, "POST")) {
                        send(exchange, "sms");
                    }
                }
                case "/v1/alimtalk" -> {
                    if (allowed(exchange, "POST")) {
                        send(exchange, "alimtalk");
                    }
                }
                case "/v1/messages" -> {
                    if ("GET".equals(method)) {
                        list(exchange);
                    } else if ("DELETE".equals(method)) {
                        synchronized (messages) {
                            messages.clear();
                        }
                        exchange.sendResponseHeaders(204, -1);
                    } else {
                        methodNotAllowed(exchange, "GET, DELETE");
                    }
                }
                default -> problem(exchange, 404, "not-found", "Not found", "No such resource: " + path);
            }
        } catch (InvalidMessage e) {
            problem(exchange, 400, "invalid-message", "Invalid message", e.getMessage());
        } catch (RuntimeException e) {
            // An exchange left unanswered would hang the caller until its time-out: say what went wrong.
            problem(exchange, 500, "internal", "Internal error", String.valueOf(e.getMessage()));
        }
    }

    private void send(HttpExchange exchange, String channel) throws IOException {
        JsonNode body = readBody(exchange);
        if (body == null) {
            return;
        }
        String to = text(body, "to");
        String text = text(body, "text");
        String templateCode = text(body, "templateCode");
        String reference = text(body, "reference");
        String invalid = null;
        if (to == null || to.isBlank()) {
            invalid = "to is required";
        } else if (!to.chars().allMatch(c -> c >= '0' && c <= '9')) {
            invalid = "to must be digits only (a Korean mobile number such as 01012345678)";
        } else if (text == null || text.isBlank()) {
            invalid = "text is required";
        } else if ("sms".equals(channel) && text.getBytes(CARRIER_CHARSET).length > SMS_MAX_BYTES) {
            invalid = "text is longer than " + SMS_MAX_BYTES + " bytes";
        } else if ("alimtalk".equals(channel) && (templateCode == null || templateCode.isBlank())) {
            invalid = "templateCode is required";
        }
        if (invalid != null) {
            problem(exchange, 400, "invalid-message", "Invalid message", invalid);
            return;
        }
        if ("alimtalk".equals(channel) && to.startsWith(NOT_A_KAKAO_USER_PREFIX)) {
            problem(exchange, 409, "not-a-kakao-user", "Not a KakaoTalk user",
                    "The number " + to + " has no KakaoTalk: send an SMS instead");
            return;
        }
        synchronized (messages) {
            messages.add(new TextMessage(channel, to, text, "sms".equals(channel) ? null : templateCode, reference,
                    Instant.now()));
        }
        ObjectNode answer = JSON.createObjectNode().put("messageId", UUID.randomUUID().toString());
        reply(exchange, 202, "application/json", JSON.writeValueAsBytes(answer));
    }

    private void list(HttpExchange exchange) throws IOException {
        String to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
        if (to == null || to.isBlank()) {
            problem(exchange, 400, "invalid-query", "Invalid query", "to is required");
            return;
        }
        List<TextMessage> found;
        synchronized (messages) {
            found = messages.stream().filter(m -> m.to().equals(to)).toList();
        }
        ArrayNode array = JSON.createArrayNode();
        for (TextMessage m : found) {
            array.addObject().put("channel", m.channel()).put("to", m.to()).put("text", m.text())
                    .put("templateCode", m.templateCode()).put("reference", m.reference())
                    .put("receivedAt", m.receivedAt().toString());
        }
        reply(exchange, 200, "application/json", JSON.writeValueAsBytes(array));
    }

    /** The body as a JSON object, or null once a 400 (or 413) has been answered. */
    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            problem(exchange, 413, "too-large", "Body too large", "At most " + MAX_BODY_BYTES + " bytes");
            return null;
        }
        try {
            JsonNode body = JSON.readTree(bytes);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (JsonProcessingException e) {
            // answered below, as any other body that is not one JSON object
        }
        problem(exchange, 400, "malformed-body", "Malformed body", "The body must be one JSON object");
        return null;
    }

    /**
     * A field's text, null when absent; a field of another type ({@code "to":1012345678}) is refused rather than
     * coerced, as a real provider's schema would, so the service's mistakes show here and not in production.
     */
    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidMessage(field + " must be a string");
        }
        return node.asText();
    }

    /** A body that is JSON but not a message the provider takes: answered 400 with the reason. */
    private static final class InvalidMessage extends RuntimeException {
        InvalidMessage(String reason) {
            super(reason, null, false, false);
        }
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean allowed(HttpExchange exchange, String method) throws IOException {
        if (method.equals(exchange.getRequestMethod())) {
            return true;
        }
        methodNotAllowed(exchange, method);
        return false;
    }

    private static void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
        exchange.getResponseHeaders().set("Allow", allow);
        problem(exchange, 405, "method-not-allowed", "Method not allowed", "Allowed: " + allow);
    }

    private static void problem(HttpExchange exchange, int status, String type, String title, String detail)
            throws IOException {
        ObjectNode problem = JSON.createObjectNode().put("type", PROBLEM_TYPE_BASE + type).put("title", title)
                .put("status", status).put("detail", detail);
        reply(exchange, status, PROBLEM_JSON, JSON.writeValueAsBytes(problem));
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
