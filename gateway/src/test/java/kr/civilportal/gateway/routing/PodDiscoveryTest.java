package kr.civilportal.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * On Kubernetes the gateway finds a service's pods through the DNS of its headless Service
 * ({@code <app>-pods}: one A record per ready pod) with Stork's DNS discovery, and then balances, takes a pod out
 * of rotation and retries on another pod itself, as it does with the launcher's address lists. Here a real DNS
 * server (UDP, Netty's DNS codec) answers for {@code pods.civil-portal.svc.cluster.local} with three pod
 * addresses on loopback (127.0.0.1, .2, .3, the same port as a Service's pods have): the third fails its
 * readiness, and later the second stops.
 */
@QuarkusTest
@QuarkusTestResource(value = PodDiscoveryTest.PodsBehindDns.class, restrictToAnnotatedClass = true)
class PodDiscoveryTest {

    static final String HOSTNAME = "pods.civil-portal.svc.cluster.local";
    static final List<String> POD_ADDRESSES = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");
    /** The pod whose readiness answers 503 (starting, or draining). */
    static final String NOT_READY = "127.0.0.3";
    /** The pod stopped midway (a crash, or its node lost). */
    static final String STOPPED = "127.0.0.2";
    static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    static final Map<String, HttpServer> PODS = new ConcurrentHashMap<>();
    static final AtomicInteger DNS_QUERIES = new AtomicInteger();
    static final int REQUESTS = 30;

    @Inject
    ReplicaHealth health;

    @Test
    void podsFoundInDnsAreBalancedTakenOutWhenNotReadyAndRetriedWhenOneStops() {
        String citizen = Tokens.of("citizen");
        await("the gateway to know the three pods, the not-ready one out", () -> states().equals(Map.of(
                "127.0.0.1", ReplicaHealth.State.READY, "127.0.0.2", ReplicaHealth.State.READY,
                NOT_READY, ReplicaHealth.State.OUT)));
        assertTrue(DNS_QUERIES.get() > 0, "the pods came from the DNS server");

        HITS.clear();
        for (int i = 0; i < REQUESTS; i++) {
            given().auth().oauth2(citizen).when().get("/api/pods/v1/who").then().statusCode(200);
        }
        int first = hits("127.0.0.1");
        int second = hits(STOPPED);
        assertEquals(0, hits(NOT_READY), "the pod that is not ready gets nothing");
        assertEquals(REQUESTS, first + second, "every request reached a ready pod");
        // Round robin over the two ready pods, give or take the first picks.
        assertTrue(first >= REQUESTS / 3 && second >= REQUESTS / 3, "balanced per pod: " + HITS);

        PODS.get(STOPPED).stop(0);
        HITS.clear();
        for (int i = 0; i < REQUESTS; i++) {
            // A GET whose pod refuses the connection is sent to another pod: the citizen sees no failure.
            given().auth().oauth2(citizen).when().get("/api/pods/v1/who").then().statusCode(200);
        }
        assertEquals(REQUESTS, hits("127.0.0.1"), "all to the one ready pod left: " + HITS);
        assertEquals(ReplicaHealth.State.OUT, states().get(STOPPED), "the stopped pod is out of rotation at once");
    }

    private Map<String, ReplicaHealth.State> states() {
        Map<String, ReplicaHealth.State> states = new TreeMap<>();
        for (ReplicaHealth.ReplicaView replica : health.view().getOrDefault("pods", List.of())) {
            states.put(replica.address().substring(0, replica.address().lastIndexOf(':')), replica.state());
        }
        return states;
    }

    private static int hits(String pod) {
        AtomicInteger n = HITS.get(pod);
        return n == null ? 0 : n.get();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not seen within 30 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Three pods on one port at three loopback addresses, and a DNS server that lists them under one name. */
    public static class PodsBehindDns implements QuarkusTestResourceLifecycleManager {

        private EventLoopGroup dnsLoop;
        private Channel dns;

        @Override
        public Map<String, String> start() {
            try {
                int port = startPods();
                dnsLoop = new NioEventLoopGroup(1);
                dns = new Bootstrap().group(dnsLoop).channel(NioDatagramChannel.class)
                        .handler(new ChannelInitializer<DatagramChannel>() {
                            @Override
                            protected void initChannel(DatagramChannel channel) {
                                channel.pipeline().addLast(new DatagramDnsQueryDecoder(),
                                        new DatagramDnsResponseEncoder(), new PodRecords());
                            }
                        })
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
                int dnsPort = ((InetSocketAddress) dns.localAddress()).getPort();
                Map<String, String> config = new java.util.HashMap<>();
                config.put("portal.gateway.routes.pods.path-prefix", "/api/pods/");
                config.put("portal.gateway.routes.pods.rate-limit.requests", "1000000");
                // As k8s/base/gateway sets it for each service, with this DNS server instead of the cluster's.
                config.put("quarkus.stork.pods.service-discovery.type", "dns");
                config.put("quarkus.stork.pods.service-discovery.hostname", HOSTNAME);
                config.put("quarkus.stork.pods.service-discovery.record-type", "A");
                config.put("quarkus.stork.pods.service-discovery.port", Integer.toString(port));
                config.put("quarkus.stork.pods.service-discovery.dns-servers", "127.0.0.1:" + dnsPort);
                config.put("quarkus.stork.pods.service-discovery.refresh-period", "2s");
                return config;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The same free port on the three addresses (as pods of one Deployment share their container port). */
        private static int startPods() throws IOException {
            for (int attempt = 0; ; attempt++) {
                List<HttpServer> started = new ArrayList<>();
                try {
                    int port = 0;
                    for (String address : POD_ADDRESSES) {
                        HttpServer pod = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0);
                        port = pod.getAddress().getPort();
                        started.add(pod);
                        pod.setExecutor(Executors.newFixedThreadPool(2));
                        pod.createContext("/q/health/ready", ex -> reply(ex, address.equals(NOT_READY) ? 503 : 200,
                                "{\"status\":\"" + (address.equals(NOT_READY) ? "DOWN" : "UP") + "\"}"));
                        pod.createContext("/", ex -> {
                            HITS.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                            reply(ex, 200, "{\"pod\":\"" + address + "\"}");
                        });
                        pod.start();
                        PODS.put(address, pod);
                    }
                    return port;
                } catch (BindException taken) {
                    // The port was free at the first address but not at another: try another port.
                    started.forEach(s -> s.stop(0));
                    if (attempt == 5) {
                        throw taken;
                    }
                }
            }
        }

        private static void reply(HttpExchange ex, int status, String json) throws IOException {
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void stop() {
            PODS.values().forEach(pod -> pod.stop(0));
            PODS.clear();
            if (dns != null) {
                dns.close().syncUninterruptibly();
            }
            if (dnsLoop != null) {
                dnsLoop.shutdownGracefully();
            }
        }
    }

    /** Answers A queries for {@link #HOSTNAME} with the three pods (as a headless Service's DNS does), else NXDOMAIN. */
    static final class PodRecords extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) throws Exception {
            DnsQuestion question = query.recordAt(DnsSection.QUESTION);
            DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
            response.addRecord(DnsSection.QUESTION, question);
            if (question.type() == DnsRecordType.A && question.name().replaceFirst("\\.$", "").equalsIgnoreCase(HOSTNAME)) {
                DNS_QUERIES.incrementAndGet();
                for (String address : POD_ADDRESSES) {
                    response.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(question.name(), DnsRecordType.A, 5,
                            Unpooled.wrappedBuffer(InetAddress.getByName(address).getAddress())));
                }
            } else {
                response.setCode(DnsResponseCode.NXDOMAIN);
            }
            ctx.writeAndFlush(response);
        }
    }
}
