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
 * residency echoes what reached it (emergency-report: relay.EmergencyStandInResource, which echoes too and keeps
 * Idempotency-Keys); passport accepts connections and never answers
 * (a hung service, as after SIGSTOP: even its readiness never answers); land-registry's port is closed (a
 * stopped service, for the tests the route {@code gone}); land-registry echoes and counts what reached it, under the
 * real route's limits. Routes only the tests know: {@code stuck} is ready but never answers a request (a service
 * whose requests hang); {@code flaky} echoes or, while {@link #FLAKY_FAILING}, answers {@link #FLAKY_STATUS};
 * {@code pair} has two replicas, one echoing and one answering 503 to every request while ready (a replica
 * shutting down), and declares that its service honours Idempotency-Keys except on {@code /api/pair/v1/once};
 * {@code limited} echoes under a tight rate limit; {@code bulk} echoes with limits large enough for big uploads.
 */
public class BackendsResource implements QuarkusTestResourceLifecycleManager {

    /** A longer idle time-out for one path of the hung service, as the gateway gives event streams. */
    static final int SLOW_PATH_TIMEOUT_SECONDS = 4;

    /** While true, the flaky backend answers every request (not its readiness) with a 503. */
    public static final java.util.concurrent.atomic.AtomicBoolean FLAKY_FAILING = new java.util.concurrent.atomic.AtomicBoolean();
    /** What the flaky backend answers while failing. */
    public static final java.util.concurrent.atomic.AtomicInteger FLAKY_STATUS = new java.util.concurrent.atomic.AtomicInteger(503);
    /** Requests that reached the land-registry stand-in (its readiness excluded), and the bytes they carried. */
    public static final java.util.concurrent.atomic.AtomicInteger LAND_HITS = new java.util.concurrent.atomic.AtomicInteger();
    public static final java.util.concurrent.atomic.AtomicLong LAND_BYTES = new java.util.concurrent.atomic.AtomicLong();
    /** Requests that reached the flaky backend (its readiness excluded). */
    public static final java.util.concurrent.atomic.AtomicInteger FLAKY_HITS = new java.util.concurrent.atomic.AtomicInteger();
    /** Requests that reached each replica of the pair, by method. */
    public static final Map<String, java.util.concurrent.atomic.AtomicInteger> PAIR_HITS = new java.util.concurrent.ConcurrentHashMap<>();
    static final int LIMITED_REQUESTS = 3;
    /** Where the stuck stand-in listens, for tests that route a real service's name to it. */
    public static final String STUCK_ADDRESS_PROPERTY = "portal.test.stuck-address";
    static final int STUCK_BULKHEAD = 2;
    static final int STUCK_QUEUE = 1;
    /** The window of the "gone" route's circuit breaker. */
    static final int GONE_REQUEST_VOLUME = 4;
    /** Well under the route's time-out (2 s), so a refused waiter and a timed-out request tell apart. */
    static final int STUCK_MAX_WAIT_MILLIS = 500;

    private final List<HttpServer> servers = new ArrayList<>();
    private ServerSocket stuck;
    private HttpServer echo;
    private ServerSocket hanging;
    private final List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());

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
            HttpServer flaky = server();
            flaky.createContext("/", ex -> {
                FLAKY_HITS.incrementAndGet();
                drain(ex);
                reply(ex, FLAKY_FAILING.get() ? FLAKY_STATUS.get() : 200, "{\"replica\":\"flaky\"}");
            });
            HttpServer land = server();
            land.createContext("/", ex -> {
                LAND_HITS.incrementAndGet();
                try (InputStream in = ex.getRequestBody()) {
                    LAND_BYTES.addAndGet(in.readAllBytes().length);
                }
                reply(ex, 200, "{\"service\":\"land-registry\",\"method\":\"" + ex.getRequestMethod() + "\"}");
            });
            HttpServer pairGood = server();
            pairGood.createContext("/", ex -> {
                PAIR_HITS.computeIfAbsent("good " + ex.getRequestMethod(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                echoBody(ex, "good");
            });
            HttpServer pairLeaving = server();
            pairLeaving.createContext("/", ex -> {
                PAIR_HITS.computeIfAbsent("leaving " + ex.getRequestMethod(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                drain(ex);
                reply(ex, 503, "{\"replica\":\"leaving\"}");
            });
            stuck = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread stuckAcceptor = new Thread(this::serveStuck, "stuck-backend");
            stuckAcceptor.setDaemon(true);
            stuckAcceptor.start();
            Map<String, String> config = new java.util.HashMap<>();
            route(config, "stuck", "/api/stuck/", "localhost:" + stuck.getLocalPort());
            config.put("portal.gateway.routes.stuck.path-timeouts.\"/api/stuck/v1/slow\"", SLOW_PATH_TIMEOUT_SECONDS + "s");
            config.put("portal.gateway.routes.stuck.bulkhead.max-concurrent", Integer.toString(STUCK_BULKHEAD));
            config.put("portal.gateway.routes.stuck.bulkhead.queue", Integer.toString(STUCK_QUEUE));
            config.put("portal.gateway.routes.stuck.bulkhead.max-wait", STUCK_MAX_WAIT_MILLIS + "ms");
            // Its time-outs are what its tests look at: the circuit must not open on them.
            config.put("portal.gateway.routes.stuck.circuit-breaker.request-volume", "1000");
            route(config, "flaky", "/api/flaky/", address(flaky));
            config.put("portal.gateway.routes.flaky.circuit-breaker.request-volume", "4");
            config.put("portal.gateway.routes.flaky.circuit-breaker.failure-ratio", "0.5");
            config.put("portal.gateway.routes.flaky.circuit-breaker.delay", "2s");
            config.put("portal.gateway.routes.flaky.circuit-breaker.success-threshold", "1");
            config.put("portal.gateway.routes.flaky.alternatives-ko", "정부민원안내콜센터(국번 없이 110)");
            // Nothing listens: the gateway answers every request with its own 503 (no replica).
            route(config, "gone", "/api/gone/", "localhost:" + closedPort);
            config.put("portal.gateway.routes.gone.circuit-breaker.request-volume", Integer.toString(GONE_REQUEST_VOLUME));
            config.put("portal.gateway.routes.gone.circuit-breaker.failure-ratio", "0.5");
            config.put("portal.gateway.routes.gone.circuit-breaker.delay", "60s");
            route(config, "pair", "/api/pair/", address(pairGood) + "," + address(pairLeaving));
            config.put("portal.gateway.routes.pair.retry-keyed-posts", "true");
            config.put("portal.gateway.routes.pair.limits.buffered-up-to", Integer.toString(RETRY_BODY_LIMIT_BYTES));
            config.put("portal.gateway.routes.pair.endpoints.once.path", "/api/pair/v1/once");
            config.put("portal.gateway.routes.pair.endpoints.once.methods", "POST");
            config.put("portal.gateway.routes.pair.endpoints.once.retry-keyed-posts", "false");
            // Its own echo with a thread per upload: stalled uploads must not starve the other routes' stand-in.
            HttpServer bulk = server(Executors.newCachedThreadPool());
            bulk.createContext("/", ex -> echoBody(ex, "bulk"));
            route(config, "bulk", "/api/bulk/", address(bulk));
            config.put("portal.gateway.routes.bulk.limits.max-body", "16M");
            config.put("portal.gateway.routes.bulk.limits.buffered-up-to", BULK_BUFFERED_UP_TO);
            // land-registry keeps its real limits; only the body's time is short, so a slow sender is caught soon.
            config.put("portal.gateway.routes.land-registry.limits.body-timeout", LAND_BODY_TIMEOUT_MILLIS + "ms");
            config.put("portal.gateway.routes.land-registry.limits.body-min-rate", "1M");
            route(config, "limited", "/api/limited/", echoAddress);
            config.put("portal.gateway.routes.limited.rate-limit.requests", Integer.toString(LIMITED_REQUESTS));
            config.put("portal.gateway.routes.limited.rate-limit.period", "1h");
            config.put("portal.gateway.rate-limit.never-refuse", "POST /api/emergency/v1/reports,POST /api/limited/v1/reports");
            // Anyone may call this path: its callers are counted by address (trusted forwarders' tests).
            config.put("quarkus.http.auth.permission.limited-public.paths", "/api/limited/v1/public/*");
            config.put("quarkus.http.auth.permission.limited-public.policy", "permit");
            config.putAll(Map.of(
                    "quarkus.stork.residency.service-discovery.address-list", echoAddress,
                    // emergency-report: relay.EmergencyStandInResource (echoes too, and keeps Idempotency-Keys)
                    // A test may put the stuck stand-in (ready, never answering requests) in its place:
                    // a hung passport leaves the rotation once its readiness goes unanswered, a stuck one stays.
                    "quarkus.stork.passport.service-discovery.address-list",
                    "${portal.test.passport-stand-in:localhost:" + hanging.getLocalPort() + "}",
                    STUCK_ADDRESS_PROPERTY, "localhost:" + stuck.getLocalPort(),
                    "quarkus.stork.land-registry.service-discovery.address-list", address(land),
                    "quarkus.stork.admin-console.service-discovery.address-list", "localhost:" + closedPort));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pair route reads bodies up to this whole (so they can be sent again); larger ones stream, once. */
    static final int RETRY_BODY_LIMIT_BYTES = 64 * 1024;
    /** The bulk route reads bodies up to this whole; larger ones (up to 16M) stream. */
    static final String BULK_BUFFERED_UP_TO = "1M";
    /** land-registry's body time-out in the tests (a 1 MB/s rate makes a small body's time just this). */
    public static final int LAND_BODY_TIMEOUT_MILLIS = 1000;

    private static void route(Map<String, String> config, String service, String prefix, String addresses) {
        config.put("portal.gateway.routes." + service + ".path-prefix", prefix);
        config.put("portal.gateway.routes." + service + ".rate-limit.requests", "1000000");
        config.put("quarkus.stork." + service + ".service-discovery.type", "static");
        config.put("quarkus.stork." + service + ".service-discovery.address-list", addresses);
    }

    private HttpServer server() throws IOException {
        return server(Executors.newFixedThreadPool(4));
    }

    private HttpServer server(java.util.concurrent.Executor executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/q/health/ready", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
        server.start();
        servers.add(server);
        return server;
    }

    private static String address(HttpServer server) {
        return "localhost:" + server.getAddress().getPort();
    }

    /** Answers its readiness; reads any other request and never answers it. */
    private void serveStuck() {
        while (!stuck.isClosed()) {
            try {
                Socket socket = stuck.accept();
                held.add(socket);
                Thread reader = new Thread(() -> {
                    try {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        String line = in.readLine();
                        if (line != null && line.contains(" /q/health/ready ")) {
                            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 15\r\nConnection: close\r\n\r\n{\"status\":\"UP\"}")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            socket.close();
                        }
                    } catch (IOException ignored) {
                        // the gateway gave up on it
                    }
                }, "stuck-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void drain(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
    }

    private static void echoBody(com.sun.net.httpserver.HttpExchange ex, String replica) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        reply(ex, 200, "{\"replica\":\"" + replica + "\",\"method\":\"" + ex.getRequestMethod()
                + "\",\"bodyBytes\":" + body.length + ",\"bodySha256\":\"" + sha + "\"}");
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
        try {
            if (stuck != null) {
                stuck.close();
            }
        } catch (IOException ignored) {
            // closing test sockets
        }
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
