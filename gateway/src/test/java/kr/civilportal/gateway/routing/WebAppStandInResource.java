package kr.civilportal.gateway.routing;

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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for citizen-web on a real socket, which a test can stop (connection refused) and start again on the
 * same port. It echoes what reached it as JSON (cookies, Host, forwarding headers, a token if any); {@code /login}
 * answers 302 with {@code Location} and {@code Set-Cookie}, as the app's login does. (admin-console's address is a
 * closed port: BackendsResource.)
 */
public class WebAppStandInResource implements QuarkusTestResourceLifecycleManager {

    /** Requests that reached the stand-in (its readiness excluded). */
    public static final AtomicInteger HITS = new AtomicInteger();
    private static volatile HttpServer server;
    private static volatile int port;
    private static ExecutorService executor;

    @Override
    public Map<String, String> start() {
        executor = Executors.newFixedThreadPool(4);
        startServer(0);
        return Map.of("quarkus.stork.citizen-web.service-discovery.address-list", "localhost:" + port);
    }

    /** Stops the stand-in: its port refuses connections until {@link #startApp()}. */
    public static synchronized void stopApp() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static synchronized void startApp() {
        if (server == null) {
            startServer(port);
        }
    }

    private static synchronized void startServer(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            s.setExecutor(executor);
            s.createContext("/q/health/ready", ex -> reply(ex, 200, Map.of(), "{\"status\":\"UP\"}"));
            s.createContext("/login", ex -> {
                HITS.incrementAndGet();
                reply(ex, 302, Map.of("Location", "/my", "Set-Cookie", "portal-session=signed-in; Path=/; HttpOnly"), "");
            });
            // The app's own page for a service behind it that is down (citizen-web's "unavailable" panel): a 503.
            s.createContext("/my/appointments", ex -> {
                HITS.incrementAndGet();
                reply(ex, 503, Map.of("Content-Type", "text/html; charset=UTF-8"),
                        "<!DOCTYPE html><html lang=\"ko\"><p id=\"unavailable\">passport unavailable</p></html>");
            });
            s.createContext("/", WebAppStandInResource::echo);
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void echo(HttpExchange ex) throws IOException {
        HITS.incrementAndGet();
        long bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readAllBytes().length;
        }
        var h = ex.getRequestHeaders();
        String json = "{\"app\":\"citizen-web\",\"method\":\"" + ex.getRequestMethod() + "\",\"path\":\"" + ex.getRequestURI()
                + "\",\"cookie\":\"" + value(h.getFirst("Cookie")) + "\",\"host\":\"" + value(h.getFirst("Host"))
                + "\",\"authorization\":\"" + value(h.getFirst("Authorization"))
                + "\",\"forwardedFor\":\"" + value(h.getFirst("X-Forwarded-For"))
                + "\",\"forwardedHost\":\"" + value(h.getFirst("X-Forwarded-Host"))
                + "\",\"forwardedProto\":\"" + value(h.getFirst("X-Forwarded-Proto"))
                + "\",\"bodyBytes\":" + bytes + "}";
        reply(ex, 200, Map.of(), json);
    }

    private static void reply(HttpExchange ex, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } else {
            ex.close();
        }
    }

    private static String value(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void stop() {
        stopApp();
        executor.shutdownNow();
    }
}
