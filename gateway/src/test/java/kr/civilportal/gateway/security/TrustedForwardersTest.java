package kr.civilportal.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedForwardersTest {

    private final TrustedForwarders forwarders = new TrustedForwarders(List.of("10.1.0.0/16", "::1", "192.0.2.7"));

    @Test
    void fromAnUntrustedCallerTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", client("203.0.113.9", "198.51.100.1"));
        assertEquals("10.2.0.1", client("10.2.0.1", "198.51.100.1"), "outside the trusted block");
    }

    @Test
    void fromATrustedForwarderTheNearestUntrustedAddressIsTheClient() {
        assertEquals("198.51.100.1", client("10.1.4.2", "198.51.100.1"));
        // A citizen's own (forgeable) entry, then a load balancer, then the web app: the load balancer's view wins.
        assertEquals("198.51.100.1", client("10.1.4.2", "6.6.6.6, 198.51.100.1, 192.0.2.7"));
        assertEquals("2001:db8::5", client("::1", "2001:db8::5"));
        assertEquals("198.51.100.1", client("::ffff:10.1.0.9", "198.51.100.1"), "IPv4-mapped IPv6");
        // Only trusted hops: the first of them.
        assertEquals("10.1.0.3", client("10.1.4.2", "10.1.0.3"));
        // No header: the forwarder itself.
        assertEquals("10.1.4.2", client("10.1.4.2", null));
    }

    @Test
    void somethingThatIsNotAnAddressStopsTheWalk() {
        assertEquals("10.1.4.2", client("10.1.4.2", "unknown"));
        assertEquals("192.0.2.7", client("10.1.4.2", "evil.example, 192.0.2.7"));
    }

    @Test
    void blocksAreCheckedBitByBit() {
        TrustedForwarders block = new TrustedForwarders(List.of("10.1.128.0/17"));
        assertTrue(block.isTrusted(TrustedForwarders.address("10.1.200.1")));
        assertFalse(block.isTrusted(TrustedForwarders.address("10.1.127.255")));
        assertFalse(block.isTrusted(TrustedForwarders.address("::1")), "another family");
        assertThrows(IllegalArgumentException.class, () -> new TrustedForwarders(List.of("localhost")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedForwarders(List.of("10.0.0.0/33")));
    }

    private String client(String remote, String forwardedFor) {
        return TrustedForwarders.clientOf(remote, forwardedFor == null ? List.of() : List.of(forwardedFor),
                forwarders::isTrusted);
    }
}
