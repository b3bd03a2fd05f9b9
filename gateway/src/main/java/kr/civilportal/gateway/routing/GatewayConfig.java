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

    /** Addresses and CIDR blocks whose {@code X-Forwarded-For} is believed ({@code security.TrustedForwarders}). */
    Optional<List<String>> trustedForwarders();

    Buffering buffering();

    /** The fallback page's 119 form ({@code fallback.FallbackPages}). */
    Fallback fallback();

    Status status();

    Replicas replicas();

    Retry retry();

    RateLimits rateLimit();

    TokenCache tokenCache();

    /** A service's API, or a web app's pages: no token checked, no POST sent twice, a static page when down. */
    enum Kind {
        SERVICE, WEB_APP
    }

    interface Route {
        @WithDefault("service")
        Kind kind();

        /** A service's path prefix, e.g. {@code /api/passport/}: every path below it. Paths pass on unchanged. */
        Optional<String> pathPrefix();

        /** Or paths: exact ({@code /my}) and prefixes ending in {@code /*} ({@code /my/*}). */
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

        Limits limits();

        /** Named endpoints (path pattern, methods) whose limits or retry differ from the route's. */
        Map<String, Endpoint> endpoints();

        /** The service answers a repeated {@code Idempotency-Key} with the first answer: keyed POSTs may be retried. */
        @WithDefault("false")
        boolean retryKeyedPosts();

        /** For a web app: its page in {@code templates/fallback.html} when it cannot answer. */
        Optional<String> fallbackPage();
    }

    /** What a route accepts before anything is passed on (limits.RequestLimits; gateway/README.md). */
    interface Limits {
        /** A larger declared body is refused (413) before a byte of it is read. */
        @WithDefault("1M")
        MemorySize maxBody();

        /** Bodies up to this are read whole before the request goes on; larger ones stream. */
        @WithDefault("2M")
        MemorySize bufferedUpTo();

        /** All header fields together: above it a 431. */
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

    /** Some paths of a route (an asterisk: one segment; a final double one: any rest); unset: the route's. */
    interface Endpoint {
        String path();

        /** Empty: all methods. */
        Optional<List<String>> methods();

        Optional<MemorySize> maxBody();

        Optional<MemorySize> bufferedUpTo();

        Optional<Duration> bodyTimeout();

        Optional<List<String>> contentTypes();

        Optional<Boolean> retryKeyedPosts();
    }

    interface Fallback {
        /** Taken before citizen-web's paths, so it works while citizen-web is down. */
        @WithDefault("/report-119/fallback")
        String reportPath();

        /** 2,000 Korean characters take about 18 KB URL-encoded. */
        @WithDefault("32K")
        MemorySize maxFormBody();

        @WithDefault("10s")
        Duration formTimeout();

        /** citizen-web's page following a delivered report; the link adds the report's id and its token. */
        @WithDefault("/report-119/receipts/")
        String receiptPage();
    }

    interface Buffering {
        /** Bytes of request bodies held in memory at once, over all requests (the heap is small). */
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
