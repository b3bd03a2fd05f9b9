package kr.civilportal.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code portal.gateway.*}: one route per service or web app, keyed by its Stork service name. What each setting
 * means and why it is set so is said in {@code application.properties} and gateway/README.md.
 */
@ConfigMapping(prefix = "portal.gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    Duration connectTimeout();

    int maxConnectionsPerRoute();

    @WithDefault("20")
    int poolWaitQueue();

    Optional<List<String>> trustedForwarders();

    Buffering buffering();

    Fallback fallback();

    Status status();

    Replicas replicas();

    Retry retry();

    RateLimits rateLimit();

    TokenCache tokenCache();

    SharedStore sharedStore();

    /** A service's API, or a web app's pages: no token checked, no POST sent twice, a static page when down. */
    enum Kind {
        SERVICE, WEB_APP
    }

    interface Route {
        @WithDefault("service")
        Kind kind();

        /** Every path below it, e.g. {@code /api/passport/}; paths pass on unchanged. */
        Optional<String> pathPrefix();

        /** Or paths: exact ({@code /my}) and prefixes ending in {@code /*} ({@code /my/*}). */
        Optional<List<String>> paths();

        /** Every path this route takes, as Vert.x route paths. */
        default List<String> routedPaths() {
            return paths().orElseGet(() -> List.of(pathPrefix().orElseThrow(() ->
                    new IllegalStateException("A route needs path-prefix or paths")) + "*"));
        }

        @WithDefault("2s")
        Duration timeout();

        /** Idle time-outs of paths slow by nature (an event stream, uploads), keyed by path prefix. */
        Map<String, Duration> pathTimeouts();

        Optional<String> nameKo();

        Optional<String> alternatives();

        Optional<String> alternativesKo();

        CircuitBreaker circuitBreaker();

        Bulkhead bulkhead();

        RateLimit rateLimit();

        Limits limits();

        /** Named endpoints (path pattern, methods) whose limits or retry differ from the route's. */
        Map<String, Endpoint> endpoints();

        @WithDefault("false")
        boolean retryKeyedPosts();

        /** For a web app: its page in {@code templates/fallback.html} when it cannot answer. */
        Optional<String> fallbackPage();
    }

    /** What a route accepts before anything is passed on ({@code limits.RequestLimits}). */
    interface Limits {
        @WithDefault("1M")
        MemorySize maxBody();

        @WithDefault("2M")
        MemorySize bufferedUpTo();

        @WithDefault("16K")
        MemorySize maxHeaders();

        /**
         * The request line (method, target with its query, version): at most what the services' and web apps' own
         * HTTP servers take (Vert.x's 4096 bytes), so a longer one is the gateway's 414 problem+json and never reaches
         * a service to be answered there with a bare 414.
         */
        @WithDefault("4K")
        MemorySize maxRequestLine();

        /** Time to receive a whole body, plus one second per {@link #bodyMinRate()} bytes it declares. */
        @WithDefault("10s")
        Duration bodyTimeout();

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
        @WithDefault("/report-119/fallback")
        String reportPath();

        /** 2,000 Korean characters take about 18 KB URL-encoded. */
        @WithDefault("32K")
        MemorySize maxFormBody();

        @WithDefault("10s")
        Duration formTimeout();

        @WithDefault("/report-119/receipts/")
        String receiptPage();
    }

    interface Buffering {
        @WithDefault("96M")
        MemorySize budget();
    }

    /** Resilience4j's count-based window ({@link RouteGuards}). */
    interface CircuitBreaker {
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("5s")
        Duration delay();

        @WithDefault("3")
        int successThreshold();
    }

    interface Bulkhead {
        @WithDefault("40")
        int maxConcurrent();

        @WithDefault("10")
        int queue();

        @WithDefault("1s")
        Duration maxWait();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("120")
        long requests();

        @WithDefault("1m")
        Duration period();
    }

    interface RateLimits {
        /** {@code METHOD /path} pairs counted but never refused (the 119 report). */
        @WithDefault("POST /api/emergency/v1/reports")
        List<String> neverRefuse();

        @WithDefault("100000")
        long maxClients();

        SharedRateLimits shared();
    }

    /** How the replicas tell each other what they let through ({@code ratelimit.RateLimitExchange}). */
    interface SharedRateLimits {
        @WithDefault("200ms")
        Duration syncInterval();

        @WithDefault("2s")
        Duration overlap();
    }

    /** The store the replicas share waiting rooms and rate-limit counts through ({@code admission.SharedStore}). */
    interface SharedStore {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("2s")
        Duration statementTimeout();
    }

    interface Status {
        Duration probeTimeout();

        @WithDefault("100")
        int incidentsKept();
    }

    interface Replicas {
        @WithDefault("1s")
        Duration probeInterval();
    }

    interface Retry {
        @WithDefault("true")
        boolean enabled();
    }

    /** Bearer tokens already verified, kept until they expire ({@code security.VerifiedTokens}). */
    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100000")
        int maxEntries();

        @WithDefault("5m")
        Duration maxAge();

        /** The token lane ({@code security.TokenLane}): known tokens skip Quarkus's security handlers where it is sure. */
        @WithDefault("true")
        boolean lane();

        /** The permission rule for {@code /api/*} that lets any logged-in caller through. */
        @WithDefault("api")
        String lanePermission();
    }
}
