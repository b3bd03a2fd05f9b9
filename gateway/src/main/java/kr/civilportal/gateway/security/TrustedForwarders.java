package kr.civilportal.gateway.security;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import kr.civilportal.gateway.routing.GatewayConfig;

/**
 * Who the client is, for the rate limit and for the services ({@code X-Forwarded-For}). The connecting address,
 * unless it is a trusted forwarder ({@code portal.gateway.trusted-forwarders}: the web apps, which call
 * {@code /api/**} for citizens, or a load balancer in front of the gateway): then the nearest address in its
 * {@code X-Forwarded-For} that is not itself trusted (walking from the right, as each trusted hop appended the one
 * it saw). Without that, every anonymous web user (the 119 form, certificate checks) would be one client with the
 * web app's address. From anyone else the header is ignored: any caller can write it.
 */
@ApplicationScoped
public class TrustedForwarders {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    /** An IPv4 address written as IPv6 ({@code ::ffff:a.b.c.d}): ten zero bytes, then two 0xff. */
    private static final int MAPPED_PREFIX = 10;

    /** An address block: the network's bytes and how many leading bits must match. */
    record Block(byte[] network, int bits) {

        static Block parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            byte[] address = address(slash < 0 ? t : t.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an address or CIDR block: " + text);
            }
            int bits = slash < 0 ? address.length * Byte.SIZE : Integer.parseInt(t.substring(slash + 1));
            if (bits < 0 || bits > address.length * Byte.SIZE) {
                throw new IllegalArgumentException("Prefix length out of range: " + text);
            }
            return new Block(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / Byte.SIZE;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % Byte.SIZE;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (Byte.SIZE - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> trusted;

    @Inject
    TrustedForwarders(GatewayConfig config) {
        this(config.trustedForwarders().orElse(List.of()));
    }

    TrustedForwarders(List<String> blocks) {
        List<Block> parsed = new ArrayList<>();
        for (String block : blocks) {
            if (!block.isBlank()) {
                parsed.add(Block.parse(block));
            }
        }
        this.trusted = List.copyOf(parsed);
    }

    /** The client's address for this request (see the class comment). */
    public String clientOf(HttpServerRequest request) {
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (remote == null) {
            return "unknown";
        }
        if (trusted.isEmpty()) {
            return remote; // the common case in production: nobody's header is believed
        }
        return clientOf(remote, request.headers().getAll(X_FORWARDED_FOR), this::isTrusted);
    }

    /**
     * The rightmost address of {@code forwardedFor} followed by {@code remote} that is not trusted; a trusted hop
     * that passed on something other than an address is itself taken as the client.
     */
    static String clientOf(String remote, List<String> forwardedFor, Predicate<byte[]> trusted) {
        String client = remote;
        byte[] address = address(remote);
        if (address == null || !trusted.test(address)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            hops.addAll(Arrays.asList(header.split(",")));
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            byte[] hopAddress = address(hop);
            if (hopAddress == null) {
                return client;
            }
            client = hop;
            if (!trusted.test(hopAddress)) {
                return client;
            }
        }
        return client;
    }

    boolean isTrusted(byte[] address) {
        for (Block block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of an IP address literal (never a DNS lookup), IPv4-mapped IPv6 as IPv4; null if not one. */
    static byte[] address(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(t);
        if (bytes != null && bytes.length == IPV6_BYTES && isIpv4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, IPV6_BYTES - IPV4_BYTES, IPV6_BYTES);
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < MAPPED_PREFIX; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[MAPPED_PREFIX] == (byte) 0xff && bytes[MAPPED_PREFIX + 1] == (byte) 0xff;
    }
}
