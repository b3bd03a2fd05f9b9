package kr.civilportal.gateway.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A stand-in for emergency-report on a real socket. It echoes what reached it (like the other stand-ins) and
 * keeps Idempotency-Keys as the real service does: a repeat of a key with the same bytes gets the first answer
 * with {@code Idempotent-Replayed: true}; the same key with other bytes a 422; a body containing "REFUSE" a
 * 400 (a problem naming the field), until "/fix-refusal" (a release that takes them; "/up" undoes it). A second
 * server on a control port lets a test take it down (connection refused), make it answer 503 (shutting down),
 * bring it back, and read what it received, in order.
 */
public class EmergencyStandInResource implements QuarkusTestResourceLifecycleManager {

    public static final String CONTROL_PORT = "test.emergency-stand-in.control-port";

    private HttpServer control;
    private volatile HttpServer service;
    private int port;
    private volatile boolean unavailable;
    /** A release that fixed the refusal: "REFUSE" reports are taken like any other (until the next "/up"). */
    private volatile boolean refusalFixed;
    private final Map<String, Remembered> keys = new LinkedHashMap<>();
    private final List<String> received = new ArrayList<>();

    private record Remembered(String sha, String body) {
    }

    @Override
    public Map<String, String> start() {
        try {
            service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            port = service.getAddress().getPort();
            serve();
            control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            control.createContext("/down", ex -> {
                down();
                reply(ex, 200, "{}", Map.of());
            });
            control.createContext("/fix-refusal", ex -> {
                refusalFixed = true;
                reply(ex, 200, "{}", Map.of());
            });
            control.createContext("/up", ex -> {
                unavailable = false;
                refusalFixed = false;
                if (service == null) {
                    service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                    serve();
                }
                reply(ex, 200, "{}", Map.of());
            });
            control.createContext("/unavailable", ex -> {
                unavailable = true;
                reply(ex, 200, "{}", Map.of());
            });
            control.createContext("/received", ex -> {
                String json;
                synchronized (keys) {
                    json = "[" + String.join(",", received.stream().map(s -> "\"" + s + "\"").toList()) + "]";
                }
                reply(ex, 200, json, Map.of());
            });
            control.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.stork.emergency-report.service-discovery.address-list", "localhost:" + port,
                CONTROL_PORT, String.valueOf(control.getAddress().getPort()));
    }

    private void serve() {
        service.setExecutor(Executors.newFixedThreadPool(4));
        service.createContext("/api/emergency/v1/reports", this::report);
        service.createContext("/q/health/ready", ex -> reply(ex, unavailable ? 503 : 200,
                unavailable ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}", Map.of()));
        service.start();
    }

    private void down() {
        HttpServer s = service;
        service = null;
        if (s != null) {
            s.stop(0);
        }
    }

    private void report(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (unavailable) {
            reply(ex, 503, "{\"status\":503}", Map.of("Content-Type", "application/problem+json"));
            return;
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        String sha = sha256(body);
        String echo = "\"method\":\"" + ex.getRequestMethod() + "\",\"path\":\"" + ex.getRequestURI()
                + "\",\"forwardedFor\":\"" + nullToEmpty(ex.getRequestHeaders().getFirst("X-Forwarded-For"))
                + "\",\"host\":\"" + nullToEmpty(ex.getRequestHeaders().getFirst("Host"))
                + "\",\"contentType\":\"" + nullToEmpty(ex.getRequestHeaders().getFirst("Content-Type"))
                + "\",\"idempotencyKey\":\"" + nullToEmpty(key)
                + "\",\"bodyBytes\":" + body.length + ",\"bodySha256\":\"" + sha + "\"";
        if (!"POST".equals(ex.getRequestMethod())) {
            reply(ex, 200, "{" + echo + "}", Map.of());
            return;
        }
        if (!refusalFixed && new String(body, StandardCharsets.UTF_8).contains("REFUSE")) {
            reply(ex, 400, "{\"status\":400,\"title\":\"Invalid input\",\"detail\":\"Some fields are invalid: "
                    + "description\",\"detailKo\":\"입력값을 확인해 주세요: description\",\"errors\":[{\"field\":"
                    + "\"description\",\"message\":\"not accepted\"}]}",
                    Map.of("Content-Type", "application/problem+json"));
            return;
        }
        synchronized (keys) {
            Remembered first = key == null ? null : keys.get(key);
            if (first != null && !first.sha().equals(sha)) {
                received.add(key + " 422");
                reply(ex, 422, "{\"status\":422}", Map.of("Content-Type", "application/problem+json"));
                return;
            }
            if (first != null) {
                received.add(key + " replayed");
                reply(ex, 200, first.body(), Map.of("Idempotent-Replayed", "true"));
                return;
            }
            String reportId = UUID.randomUUID().toString();
            String answer = "{\"reportId\":\"" + reportId + "\",\"receiptToken\":\"" + UUID.randomUUID() + "\","
                    + echo + "}";
            if (key != null) {
                keys.put(key, new Remembered(sha, answer));
            }
            received.add(key + " created");
            reply(ex, 200, answer, Map.of("Location", "/api/emergency/v1/reports/" + reportId));
        }
    }

    @Override
    public void stop() {
        down();
        if (control != null) {
            control.stop(0);
        }
    }

    /** Tells the stand-in what to be: "down", "up", "unavailable", "fix-refusal". */
    static void control(java.net.http.HttpClient http, int controlPort, String action) throws Exception {
        java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + controlPort + "/" + action))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("stand-in control " + action + ": " + r.statusCode());
        }
    }

    private static void reply(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
