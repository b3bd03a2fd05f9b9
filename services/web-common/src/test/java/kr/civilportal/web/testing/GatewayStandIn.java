package kr.civilportal.web.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for the gateway's {@code /api/**} on a real socket, for the web apps' {@code @QuarkusTest}s: a test
 * says what a method and path answer ({@link #answer}), and reads what reached it ({@link #received}), headers
 * included. Nothing answered means 404 problem+json. The app under test calls it as it calls the gateway
 * ({@code portal.gateway-url}).
 */
public class GatewayStandIn implements QuarkusTestResourceLifecycleManager {

    /** One request as it reached the stand-in ({@code query} decoded, null when there is none). */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        public static Answer problem(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/problem+json"), body);
        }
    }

    private record Route(String method, String path, Function<Request, Answer> answer) {
    }

    private static final List<Route> ROUTES = new CopyOnWriteArrayList<>();
    private static final List<Request> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** From now on {@code method} on {@code path} (exact, without query) answers as {@code answer} says. */
    public static void answer(String method, String path, Function<Request, Answer> answer) {
        ROUTES.add(0, new Route(method, path, answer));
    }

    /** Every request so far, in order. */
    public static List<Request> received() {
        return new ArrayList<>(RECEIVED);
    }

    /** Forgets the answers and what was received (each test starts clean). */
    public static void reset() {
        ROUTES.clear();
        RECEIVED.clear();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        return Map.of("portal.gateway-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                query(exchange.getRequestURI().getRawQuery()), Map.copyOf(exchange.getRequestHeaders()), body);
        RECEIVED.add(request);
        Answer answer = ROUTES.stream().filter(r -> r.method().equals(request.method()) && r.path().equals(request.path()))
                .findFirst().map(r -> r.answer().apply(request))
                .orElse(Answer.problem(404, "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** Decoded as a form's query is ({@code +} is a space), as the services' REST layer reads it. */
    private static String query(String raw) {
        return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
