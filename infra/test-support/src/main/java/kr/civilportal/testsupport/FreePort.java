package kr.civilportal.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port for a server a test starts (Keycloak, PostgreSQL), taken below the kernel's ephemeral range
 * (Linux: 32768-60999), from which outgoing connections draw their local ports. A port picked inside that range
 * ({@code new ServerSocket(0)}) can be taken by any outgoing connection before the server binds it: once one of
 * Keycloak's own connections did, in the seconds of its start-up, and the test run failed with "Port already
 * bound". Above the ports of the launcher's offsets (at most 15432 + 15000), so a portal started by a system test
 * or by hand does not meet these either. A random start keeps two test JVMs apart; within one JVM a port is never
 * handed out twice, since the test resources start in parallel and each binds its port only some seconds after
 * asking (Keycloak once failed with "Port already bound" that way).
 */
public final class FreePort {

    static final int FIRST = 31_000;
    static final int LAST = 32_700;
    /** Ports handed out in this JVM: free when checked, but their server may not have bound them yet. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int belowEphemeralRange() {
        int span = LAST - FIRST;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = FIRST + (start + i) % span;
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException taken) {
                // in use: the next one
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST);
    }
}
