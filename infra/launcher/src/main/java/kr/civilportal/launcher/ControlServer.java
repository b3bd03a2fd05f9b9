package kr.civilportal.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Lets a second terminal steer a running {@code infra/portal up}: {@code POST /down}, {@code GET /status},
 * {@code POST /apps/{id}/stop|start|restart|kill|pause|resume}, {@code POST /keycloak/stop|start}, {@code POST /kafka/stop|start|kill} (an identity-provider
 * outage by hand), {@code POST /sites/lose-first|fail-over} (the drill by hand, with {@code --sites 2}).
 * Bound to loopback only.
 */
final class ControlServer implements AutoCloseable {

    private final HttpServer server;
    private final CountDownLatch downRequested = new CountDownLatch(1);

    ControlServer(Portal portal, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // Daemon threads: the launcher must exit once the portal is down, whatever the control port is doing.
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "portal-control");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/status", exchange -> reply(exchange, 200, portal.status().entrySet().stream()
                .map(e -> String.format("%-17s %s", e.getKey(), e.getValue())).collect(Collectors.joining("\n"))));
        server.createContext("/down", exchange -> {
            reply(exchange, 200, "stopping the portal");
            downRequested.countDown();
        });
        server.createContext("/apps/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            if (parts.length != 4 || !"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 404, "POST /apps/{id}/stop|start|restart|kill|pause|resume");
                return;
            }
            try {
                PortalApp app = PortalApp.byId(parts[2]);
                switch (parts[3]) {
                    case "stop" -> portal.stop(app);
                    case "start" -> portal.start(app);
                    case "restart" -> portal.restart(app);
                    case "kill" -> portal.killReplica(app, 0);
                    case "pause" -> portal.pause(app);
                    case "resume" -> portal.resume(app);
                    default -> throw new IllegalArgumentException("Unknown action " + parts[3]);
                }
                reply(exchange, 200, parts[3] + " " + app.id() + ": done");
            } catch (RuntimeException e) {
                reply(exchange, 400, e.getMessage());
            }
        });
        server.createContext("/keycloak/", exchange -> action(exchange, Map.of(
                "stop", portal::stopKeycloak,
                "start", portal::startKeycloak)));
        server.createContext("/kafka/", exchange -> action(exchange, Map.of(
                "stop", portal::stopKafka,
                "start", portal::startKafka,
                "kill", portal::killKafka)));
        server.createContext("/sites/", exchange -> action(exchange, Map.of(
                "lose-first", portal::loseFirstSite,
                "fail-over", portal::failOverToSecondSite)));
        server.start();
    }

    /** POST /{context}/{action}: runs the named action, answers "done" or why not. */
    private static void action(HttpExchange exchange, Map<String, Runnable> actions) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        Runnable action = parts.length == 3 ? actions.get(parts[2]) : null;
        if (action == null || !"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 404, "POST /" + (parts.length > 1 ? parts[1] : "") + "/" + String.join("|", actions.keySet()));
            return;
        }
        try {
            action.run();
            reply(exchange, 200, parts[1] + " " + parts[2] + ": done");
        } catch (RuntimeException e) {
            reply(exchange, 400, e.getMessage());
        }
    }

    void awaitDownRequest() throws InterruptedException {
        downRequested.await();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
