package kr.civilportal.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code portal.gateway.*}: one route per service, keyed by the Stork service name. */
@ConfigMapping(prefix = "portal.gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    /** How long to wait for a TCP connection to a replica before calling it unreachable. */
    Duration connectTimeout();

    /** Connections the gateway may hold open to one service: one service cannot take all of them. */
    int maxConnectionsPerRoute();

    /**
     * Requests that may wait for a free connection of one route's pool; beyond that the caller gets a 503 at
     * once instead of queueing without bound behind a hung service.
     */
    @WithDefault("20")
    int poolWaitQueue();

    /**
     * Addresses and CIDR blocks ({@code 10.0.0.0/8}, {@code ::1}) whose {@code X-Forwarded-For} the gateway believes:
     * the web apps, which call {@code /api/**} on behalf of citizens, and a load balancer in front of the gateway.
     * From any other caller the header is replaced by the connecting address (see {@code security.TrustedForwarders}).
     */
    Optional<List<String>> trustedForwarders();

    /** Request bodies the gateway reads before passing a request on (see {@code limits.RequestLimits}). */
    Buffering buffering();

    Status status();

    Replicas replicas();

    Retry retry();

    RateLimits rateLimit();

    TokenCache tokenCache();

    /** What sits behind a route. */
    enum Kind {
        /** A service's API: bearer tokens checked here, problem+json answers. */
        SERVICE,
        /**
         * A web app's pages (citizen-web, admin-console): no token checked here (the app keeps its own session
         * cookie and decides), never a POST sent twice, and a static page when the app cannot answer.
         */
        WEB_APP
    }

    interface Route {
        @WithDefault("service")
        Kind kind();

        /** A service's path prefix, e.g. {@code /api/passport/}: every path below it. Paths pass on unchanged. */
        Optional<String> pathPrefix();

        /**
         * Paths routed here, for a route that is not one prefix: exact paths ({@code /my}) and prefixes ending in
         * {@code /*} ({@code /my/*}).
         */
        Optional<List<String>> paths();

        /** Every path this route takes, as Vert.x route paths. */
        default List<String> routedPaths() {
            return paths().orElseGet(() -> List.of(pathPrefix().orElseThrow(() ->
                    new IllegalStateException("A route needs path-prefix or paths")) + "*"));
        }

        /** Without a byte from the service for this long, the caller gets a problem+json 503. */
        @WithDefault("2s")
        Duration timeout();

        /**
         * Longer idle time-outs for paths under this route that are slow by nature: a server-sent-event
         * stream between heartbeats, an upload from a phone on a weak connection. Keyed by path prefix.
         */
        Map<String, Duration> pathTimeouts();

        /** The service's name for citizens, in Korean (e.g. 여권), used in degraded answers. */
        Optional<String> nameKo();

        /** What a citizen can do instead while this service is out, in English and in Korean. */
        Optional<String> alternatives();

        Optional<String> alternativesKo();

        CircuitBreaker circuitBreaker();

        Bulkhead bulkhead();

        RateLimit rateLimit();

        /** The route's request limits; {@link #endpoints()} may set others for some of its paths. */
        Limits limits();

        /** Named endpoints (a path pattern and methods) whose limits or retry differ from the route's. */
        Map<String, Endpoint> endpoints();

        /**
         * Whether the service honours {@code Idempotency-Key} on this route's POSTs (a repeat gets the first
         * answer): only then is a keyed POST sent again to another replica. A web app's POST never is.
         */
        @WithDefault("false")
        boolean retryKeyedPosts();

        /** For a web app: the static page (in {@code templates/fallback.html}) when it cannot answer. */
        Optional<String> fallbackPage();
    }

    /** What the gateway accepts on a route before anything is passed on (issue 17). */
    interface Limits {
        /** The largest body: a larger declared one is refused (413) before a byte of it is read. */
        @WithDefault("1M")
        MemorySize maxBody();

        /**
         * Bodies up to this size are read whole, within {@link #bodyTimeout()}, before the request takes a
         * bulkhead place or goes on; larger ones (only where {@link #maxBody()} allows them) stream through.
         */
        @WithDefault("2M")
        MemorySize bufferedUpTo();

        /** All header fields together (names and values): above it a 431. */
        @WithDefault("16K")
        MemorySize maxHeaders();

        /** Time to receive a whole body, plus one second per {@link #bodyMinRate()} bytes it declares. */
        @WithDefault("10s")
        Duration bodyTimeout();

        /** Bytes per second a sender must keep up on average (a phone on a weak network sends about 64K). */
        @WithDefault("32K")
        MemorySize bodyMinRate();

        /** Media types a body may have (parameters such as charset ignored); empty: any. */
        Optional<List<String>> contentTypes();
    }

    /** Some paths of a route with their own limits; anything not set is the route's. */
    interface Endpoint {
        /** A path, {@code *} standing for one segment and a final {@code **} for any rest. */
        String path();

        /** Methods it applies to; empty: all. */
        Optional<List<String>> methods();

        Optional<MemorySize> maxBody();

        Optional<MemorySize> bufferedUpTo();

        Optional<Duration> bodyTimeout();

        Optional<List<String>> contentTypes();

        Optional<Boolean> retryKeyedPosts();
    }

    interface Buffering {
        /**
         * Bytes of request bodies held in memory at once, over every request (the gateway runs with a small heap).
         * Above it a request with a body gets a 503 "busy", except the never-refused ones, which stream through.
         */
        @WithDefault("96M")
        MemorySize budget();
    }

    /** When to stop sending a service requests for a while (Resilience4j circuit breaker, routing/RouteGuards). */
    interface CircuitBreaker {
        /** The rolling window: the last this many requests decide whether the circuit opens. */
        @WithDefault("20")
        int requestVolume();

        /** The share of failed requests in the window (0..1) that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before trial requests are let through. */
        @WithDefault("5s")
        Duration delay();

        /**
         * Trial requests let through once the delay is over: the circuit closes again if fewer than
         * {@code failure-ratio} of them fail, else it opens for another delay.
         */
        @WithDefault("3")
        int successThreshold();
    }

    /** How many requests one service may have in flight at the gateway ({@link RouteBulkhead}). */
    interface Bulkhead {
        @WithDefault("40")
        int maxConcurrent();

        /** Requests that may wait for a free place; more than that get a 503 at once. */
        @WithDefault("10")
        int queue();

        /** How long a request may wait for a place before it gets a 503. */
        @WithDefault("1s")
        Duration maxWait();
    }

    /** Requests per client (token subject, else address) and route, as a token bucket (Bucket4j). */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests allowed per {@link #period()}; also the burst a client may send at once. */
        @WithDefault("120")
        long requests();

        @WithDefault("1m")
        Duration period();
    }

    interface RateLimits {
        /**
         * {@code METHOD /path} pairs that are counted but never refused: a 119 report must always reach the
         * service, whatever the sender did before.
         */
        @WithDefault("POST /api/emergency/v1/reports")
        List<String> neverRefuse();

        /** Clients remembered at once; the least recently seen are forgotten first (a bounded memory). */
        @WithDefault("100000")
        long maxClients();
    }

    interface Status {
        /** How long the status and the replica probe wait for one replica's readiness answer. */
        Duration probeTimeout();

        /** Incidents (circuit opened/closed, replica out/in) kept in memory for the status page. */
        @WithDefault("100")
        int incidentsKept();
    }

    interface Replicas {
        /** How often each replica's {@code /q/health/ready} is asked; a replica not ready leaves the rotation. */
        @WithDefault("1s")
        Duration probeInterval();
    }

    /**
     * One retry on another replica, for requests that can safely be sent twice (see {@code RetryPolicy}). Only a
     * body read whole before forwarding (see {@link Limits#bufferedUpTo()}) can be sent again.
     */
    interface Retry {
        @WithDefault("true")
        boolean enabled();
    }

    /** Bearer tokens already verified, kept until they expire (see {@code security.VerifiedTokens}). */
    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100000")
        int maxEntries();

        /** Never longer than this, whatever the token's own expiry. */
        @WithDefault("5m")
        Duration maxAge();
    }
}
