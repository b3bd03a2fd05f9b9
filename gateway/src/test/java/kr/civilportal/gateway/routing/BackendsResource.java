package kr.civilportal.gateway.routing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Stand-ins for the upstream services, as separate HTTP servers on real sockets:
 * residency echoes what reached it (emergency-report: relay.EmergencyStandInResource); passport accepts connections and never answers
 * (a hung service); land-registry's port is closed (a stopped service).
 */
public class BackendsResource implements QuarkusTestResourceLifecycleManager {

    /** A longer idle time-out for one path of the hung service, as the gateway gives event streams. */
    static final int SLOW_PATH_TIMEOUT_SECONDS = 4;

    private HttpServer echo;
    private ServerSocket hanging;
    private final List<Socket> held = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            echo.setExecutor(Executors.newFixedThreadPool(4));
            echo.createContext("/q/health/ready", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
            echo.createContext("/", ex -> {
                MessageDigest sha;
                try {
                    sha = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IOException(e);
                }
                long bytes = 0;
                try (InputStream in = ex.getRequestBody()) {
                    byte[] buf = new byte[65536];
                    for (int n; (n = in.read(buf)) > 0; bytes += n) {
                        sha.update(buf, 0, n);
                    }
                }
                String json = "{\"method\":\"" + ex.getRequestMethod() + "\",\"path\":\"" + ex.getRequestURI()
                        + "\",\"authorization\":\"" + nullToEmpty(ex.getRequestHeaders().getFirst("Authorization"))
                        + "\",\"traceparent\":\"" + nullToEmpty(ex.getRequestHeaders().getFirst("traceparent"))
                        + "\",\"forwardedFor\":\"" + nullToEmpty(ex.getRequestHeaders().getFirst("X-Forwarded-For"))
                        + "\",\"custom\":\"" + nullToEmpty(ex.getRequestHeaders().getFirst("X-Custom"))
                        + "\",\"host\":\"" + nullToEmpty(ex.getRequestHeaders().getFirst("Host"))
                        + "\",\"bodyBytes\":" + bytes + ",\"bodySha256\":\"" + HexFormat.of().formatHex(sha.digest()) + "\"}";
                ex.getResponseHeaders().set("X-Upstream", "echo");
                reply(ex, 200, json);
            });
            echo.start();
            hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!hanging.isClosed()) {
                    try {
                        held.add(hanging.accept()); // accept, read nothing, answer nothing
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hanging-backend");
            acceptor.setDaemon(true);
            acceptor.start();
            int closedPort;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
            String echoAddress = "localhost:" + echo.getAddress().getPort();
            return Map.of(
                    "quarkus.stork.residency.service-discovery.address-list", echoAddress,
                    // emergency-report: relay.EmergencyStandInResource (echoes too, and keeps Idempotency-Keys)
                    "quarkus.stork.passport.service-discovery.address-list", "localhost:" + hanging.getLocalPort(),
                    "quarkus.stork.land-registry.service-discovery.address-list", "localhost:" + closedPort,
                    "portal.gateway.routes.passport.path-timeouts.\"/api/passport/v1/slow\"", SLOW_PATH_TIMEOUT_SECONDS + "s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (echo != null) {
            echo.stop(0);
        }
        try {
            if (hanging != null) {
                hanging.close();
            }
            for (Socket s : held) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing test sockets
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
