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
     * An HTTP/2 request body sent without a Content-Length (HTTP/2 allows it) is read whole before it goes on to the
     * service over HTTP/1.1, up to this size; a larger one gets a 413 asking for a Content-Length
     * (see {@code BodyOfUnknownLength}).
     */
    @WithDefault("8M")
    MemorySize unknownLengthMaxBody();

    Status status();

    Replicas replicas();

    Retry retry();

    RateLimits rateLimit();

    TokenCache tokenCache();

    interface Route {
        /** The path prefix routed to this service, e.g. {@code /api/passport/}; the path is passed on unchanged. */
        String pathPrefix();

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

    /** One retry on another replica, for requests that can safely be sent twice (see {@code RetryPolicy}). */
    interface Retry {
        @WithDefault("true")
        boolean enabled();

        /** Bodies up to this size are buffered so they can be sent again; larger ones are not retried. */
        @WithDefault("1M")
        MemorySize maxBodySize();
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
