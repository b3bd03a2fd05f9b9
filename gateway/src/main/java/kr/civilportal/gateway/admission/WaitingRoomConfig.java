package kr.civilportal.gateway.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code portal.gateway.waiting-room.*}: surge admission per route. */
@ConfigMapping(prefix = "portal.gateway.waiting-room")
public interface WaitingRoomConfig {

    /** HMAC-SHA256 key for tickets, at least 32 bytes (development default; production from a secret). */
    String secret();

    /** How long an admitted ticket lets its holder in. */
    Duration passValidity();

    /** How often clients are told to ask again (Retry-After, the page's refresh). */
    Duration pollInterval();

    /** A waiting ticket nobody asked about for this long is passed over when its turn comes. */
    Duration abandonAfter();

    /**
     * How often the queues let the next numbers in; with the shared store, also how often each replica reports
     * its requests in flight and reads the shared queues back (a snapshot is at most this old).
     */
    @WithDefault("100ms")
    Duration tick();

    /**
     * A replica whose report of requests in flight is older than this is taken as gone (killed, cut off): its
     * requests stop counting against the routes' capacity.
     */
    @WithDefault("2s")
    Duration replicaTtl();

    /** Tokens with any of these roles never queue (officials at work; 119 reports never queue either). */
    List<String> bypassRoles();

    /** Keyed by the route's name in {@code portal.gateway.routes}. */
    Map<String, Limits> routes();

    interface Limits {
        /** Requests in flight to this route before newcomers queue. */
        int capacity();

        /** Waiting tickets let in per second (what the service can take). */
        double admissionRate();
    }
}
