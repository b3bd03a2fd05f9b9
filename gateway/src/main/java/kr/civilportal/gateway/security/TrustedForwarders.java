package kr.civilportal.gateway.security;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import kr.civilportal.gateway.routing.GatewayConfig;

/**
 * Who the client is, for the rate limit and for the services ({@code X-Forwarded-For}): the connecting address,
 * unless it is a trusted forwarder ({@code portal.gateway.trusted-forwarders}: the web apps, which call
 * {@code /api/**} for citizens, or a load balancer in front of the gateway); then the nearest address in its
 * {@code X-Forwarded-For} that is not itself trusted, walking from the right (each trusted hop appended the one it
 * saw). Without this, every anonymous web user would be one client with the web app's address. Anyone else's
 * header is ignored: any caller can write it.
 *
 * <p>A {@code @Singleton}, not {@code @ApplicationScoped}: it is called on every proxied request, and a client
 * proxy looks its bean up in the application context on each call (GatewayOverheadBenchmark with JFR).
 */
@Singleton
public class TrustedForwarders {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trusted = new ArrayList<>();

    @Inject
    TrustedForwarders(GatewayConfig config) {
        this(config.trustedForwarders().orElse(List.of()));
    }

    TrustedForwarders(List<String> blocks) {
        for (String block : blocks) {
            String[] parts = block.strip().split("/", 2);
            InetAddress network = address(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("Not an address or CIDR block: " + block);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.getAddress().length * Byte.SIZE;
            trusted.add(new IpSubnetFilterRule(network, bits, IpFilterRuleType.ACCEPT));
        }
    }

    /** The client's address for this request (see the class comment). */
    public String clientOf(HttpServerRequest request) {
        String remote = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        // Production trusts nobody unless told: the common case costs nothing.
        return trusted.isEmpty() ? remote
                : clientOf(remote, request.headers().getAll(X_FORWARDED_FOR), this::isTrusted);
    }

    /**
     * The rightmost of {@code forwardedFor}'s addresses and {@code remote} that is not trusted; a trusted hop that
     * passed on something other than an address is itself taken as the client.
     */
    static String clientOf(String remote, List<String> forwardedFor, Predicate<InetAddress> trusted) {
        InetAddress address = address(remote);
        if (address == null || !trusted.test(address)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> hops.addAll(List.of(header.split(","))));
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String written = hops.get(i).strip();
            InetAddress hop = address(written);
            if (hop == null) {
                return client;
            }
            client = written;
            if (!trusted.test(hop)) {
                return client;
            }
        }
        return client;
    }

    boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** An IP address literal (never a DNS lookup; IPv4-mapped IPv6 becomes IPv4), or null if it is not one. */
    static InetAddress address(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
