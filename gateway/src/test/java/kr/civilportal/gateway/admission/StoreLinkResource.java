package kr.civilportal.gateway.admission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.testsupport.FreePort;
import kr.civilportal.testsupport.PostgresResource;

/**
 * The gateway's PostgreSQL (as {@link PostgresResource}), with the waiting room's and rate limits' own datasource
 * ({@code admission}) reaching it through a TCP relay the tests can cut and restore: a real network outage of the
 * shared store, while the relay's and the drafts' connections to the same server go on.
 */
public class StoreLinkResource extends PostgresResource {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)");
    private static volatile Relay relay;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        Matcher url = URL.matcher(config.get("quarkus.datasource.jdbc.url"));
        if (!url.matches()) {
            throw new IllegalStateException("Unexpected JDBC URL " + config.get("quarkus.datasource.jdbc.url"));
        }
        relay = new Relay(FreePort.belowEphemeralRange(), url.group(1), Integer.parseInt(url.group(2)));
        relay.open();
        config.put("quarkus.datasource.admission.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + relay.port + "/" + url.group(3));
        return config;
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.cut();
        }
        super.stop();
    }

    /** The store is unreachable: open connections are cut, new ones refused. */
    public static void cut() {
        relay.cut();
    }

    /** The store is reachable again. */
    public static void restore() {
        relay.open();
    }

    /** Copies bytes both ways between the gateway and PostgreSQL, one pair of threads per connection. */
    private static final class Relay {
        final int port;
        final String host;
        final int target;
        final Set<Socket> open = ConcurrentHashMap.newKeySet();
        volatile ServerSocket server;

        Relay(int port, String host, int target) {
            this.port = port;
            this.host = host;
            this.target = target;
        }

        synchronized void open() {
            if (server != null) {
                return;
            }
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                server = s;
                Thread.ofPlatform().daemon().name("store-link-relay").start(() -> accept(s));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void cut() {
            ServerSocket s = server;
            server = null;
            if (s != null) {
                close(s);
            }
            open.forEach(Relay::close);
            open.clear();
        }

        private void accept(ServerSocket s) {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket upstream = new Socket(host, target);
                    open.add(client);
                    open.add(upstream);
                    Thread.ofVirtual().start(() -> pump(client, upstream));
                    Thread.ofVirtual().start(() -> pump(upstream, client));
                } catch (IOException e) {
                    // closed by cut(), or PostgreSQL refused: the client sees its connection fail
                }
            }
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        }

        private static void close(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // already closed
            }
        }
    }
}
