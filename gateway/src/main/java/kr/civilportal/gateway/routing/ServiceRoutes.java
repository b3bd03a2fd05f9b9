package kr.civilportal.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.HttpServerRequestWrapper;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.gateway.admission.WaitingRoomConfig;
import kr.civilportal.gateway.fallback.FallbackPages;
import kr.civilportal.gateway.limits.RequestLimits;
import kr.civilportal.gateway.limits.RequestRules;
import kr.civilportal.gateway.limits.RouteRules;
import kr.civilportal.gateway.routing.RouteGuards.Pass;
import kr.civilportal.gateway.ratelimit.RateLimitFilter;
import kr.civilportal.gateway.routing.RouteGuards.RouteGuard;
import kr.civilportal.gateway.security.TokenLane;
import kr.civilportal.gateway.security.TrustedForwarders;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.jboss.logging.Logger;

/**
 * Mounts one reverse proxy per route on the gateway's router: a service's API, or a web app's pages. Each route is
 * isolated from the others: its own connection pool (with a bounded wait queue), time-out, circuit breaker and
 * bulkhead, and replicas that are not ready are left out of its rotation. So a service that hangs holds at most
 * its own slots and connections, and its callers soon get a fast 503, never the other services' resources.
 * Everything is asynchronous on the event loop: no worker thread waits on a service.
 * Headers pass unchanged except hop-by-hop ones (cookies, {@code Set-Cookie} and {@code Location} included); the
 * bearer token passes on, so each service checks it again.
 *
 * <p>A web app's routes are mounted before Quarkus's authentication: the gateway checks no token on page paths
 * (the app keeps its own session cookie and decides), so no permission rule can make it ask for one there. They
 * apply the request limits themselves first ({@link RequestLimits}), as the service routes' own handlers do.
 */
@ApplicationScoped
public class ServiceRoutes {

    /** Page routes: before Quarkus's authentication (-200); page and API paths never overlap. */
    public static final int PAGE_ORDER = RequestLimits.CHECK_ORDER;

    private static final Logger LOG = Logger.getLogger(ServiceRoutes.class);
    /** The request being handed to the proxy on this thread, for {@link ForwardOutcome}. */
    private static final ThreadLocal<Forwarding> FORWARDING = new ThreadLocal<>();

    private final GatewayConfig config;
    private final ReplicaHealth health;
    private final RouteGuards guards;
    private final GatewayMetrics metrics;
    private final RequestLimits limits;
    private final TrustedForwarders forwarders;
    private final FallbackPages pages;
    private final TokenLane lane;
    private final RateLimitFilter rateLimit;
    private final WaitingRoomConfig waitingRooms;
    private final List<EventLoopClients> clients = new ArrayList<>();

    ServiceRoutes(GatewayConfig config, ReplicaHealth health, RouteGuards guards, GatewayMetrics metrics,
                  RequestLimits limits, TrustedForwarders forwarders, FallbackPages pages, TokenLane lane,
                  RateLimitFilter rateLimit, WaitingRoomConfig waitingRooms) {
        this.config = config;
        this.health = health;
        this.guards = guards;
        this.metrics = metrics;
        this.limits = limits;
        this.forwarders = forwarders;
        this.pages = pages;
        this.lane = lane;
        this.rateLimit = rateLimit;
        this.waitingRooms = waitingRooms;
    }

    void mount(@Observes Router router, Vertx vertx) {
        config.routes().forEach((service, route) -> {
            EventLoopClients client = new EventLoopClients(vertx, new HttpClientOptions()
                    .setKeepAlive(true)
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    // No client span per proxied request (the traces exporter is none): ForwardedHeaders passes
                    // the trace on itself, with the gateway's own span as the parent.
                    .setTracingPolicy(TracingPolicy.IGNORE),
                    config.maxConnectionsPerRoute(), config.poolWaitQueue());
            clients.add(client);
            RouteGuard guard = guards.of(service);
            metrics.route(service, () -> guard.circuit().gauge, guard::inFlight, guard.maxConcurrent(),
                    () -> health.inRotationOfKnown(service)[0], () -> health.inRotationOfKnown(service)[1]);
            OutOfServiceAnswer unavailable = new OutOfServiceAnswer(service, route, pages, metrics);
            // The slow paths first: Vert.x tries routes of one order in the order they were added.
            route.pathTimeouts().forEach((path, timeout) ->
                    mount(router, client, service, route, guard, unavailable, path + "*", timeout));
            for (String path : route.routedPaths()) {
                mount(router, client, service, route, guard, unavailable, path, route.timeout());
            }
        });
    }

    private void mount(Router router, EventLoopClients client, String service, GatewayConfig.Route route,
                       RouteGuard guard, OutOfServiceAnswer unavailable, String path, Duration timeout) {
        HttpProxy proxy = HttpProxy.reverseProxy(client.shared())
                .origin(new StorkOrigin(service, timeout, health, client))
                .addInterceptor(new ForwardOutcome())
                .addInterceptor(new ForwardedHeaders(forwarders));
        if (route.kind() == GatewayConfig.Kind.SERVICE && route.pathPrefix().isPresent()) {
            proxy.addInterceptor(new PublishedApiDocument(route.pathPrefix().get()));
        }
        proxy.addInterceptor(unavailable)
                .addInterceptor(new RetryOnAnotherReplica(service, config.retry().enabled(), metrics,
                        route.kind() == GatewayConfig.Kind.SERVICE));
        if (route.kind() == GatewayConfig.Kind.WEB_APP) {
            RouteRules rules = limits.rules(service);
            router.route(path).order(PAGE_ORDER).handler(ctx -> {
                if (limits.check(ctx, service, rules)) {
                    limits.read(ctx, service, () -> forward(ctx, service, guard, proxy, unavailable));
                }
            });
        } else {
            if (!waitingRooms.routes().containsKey(service)) {
                // The token lane: the same steps as the routes below (rate limit, body, this proxy), in one handler,
                // for a request TokenLane lets past Quarkus's security handlers. A route with a waiting room keeps
                // the ordinary way (its door reads the identity Quarkus's handlers leave).
                router.route(path).order(TokenLane.ORDER).handler(ctx -> {
                    if (lane.admit(ctx)) {
                        rateLimit.limit(ctx, service, () -> limits.read(ctx, service,
                                () -> forward(ctx, service, guard, proxy, unavailable)));
                    } else {
                        ctx.next();
                    }
                });
            }
            router.route(path).handler(ctx -> forward(ctx, service, guard, proxy, unavailable));
        }
        LOG.infof("Route %s -> %s (idle time-out %d ms, at most %d in flight)", path, service, timeout.toMillis(),
                guard.maxConcurrent());
    }

    private void forward(RoutingContext ctx, String service, RouteGuard guard, HttpProxy proxy,
                         OutOfServiceAnswer unavailable) {
        long start = System.nanoTime();
        Context context = Vertx.currentContext();
        ctx.addEndHandler(ar -> metrics.request(service, ctx.response().getStatusCode(), System.nanoTime() - start));
        guard.enter(pass -> {
            // Succeeded: the whole answer went out (the response has ended by now, so "caller gone" cannot be asked
            // here: asking it made every answer look unanswered, and a hung or vanished service never opened the
            // circuit when the gateway answered its 503 or 504 itself). Failed: the connection closed first.
            ctx.addEndHandler(ar -> pass.finished(ar.succeeded(), ctx.response().getStatusCode()));
            // A request that waited for a bulkhead place is let in from whichever thread freed one.
            if (Vertx.currentContext() == context) {
                handle(proxy, ctx, pass);
            } else {
                context.runOnContext(v -> handle(proxy, ctx, pass));
            }
        }, refused -> unavailable.answer(ctx.request(), refused).send(ctx));
    }

    /** What {@link ForwardOutcome} (the first interceptor, called synchronously from here) needs of the request. */
    private record Forwarding(Pass pass, RequestRules rules, Buffer body) {
    }

    private static void handle(HttpProxy proxy, RoutingContext ctx, Pass pass) {
        if (Answer.callerGone(ctx.response())) {
            // The caller left before the request got here (while it was authenticated, or waiting for a bulkhead
            // place): the end handlers have already run and never will again, so the pass ends here.
            pass.finished(false, 0);
            return;
        }
        FORWARDING.set(new Forwarding(pass, RequestLimits.rulesOf(ctx), RequestLimits.bodyOf(ctx)));
        try {
            HttpServerRequest request = ctx.request();
            proxy.handle(request.isEnded() ? new ReadRequest((HttpServerRequestInternal) request) : request);
        } finally {
            FORWARDING.remove();
        }
    }

    /** A request whose body has been read: the proxy's pause and resume of it are moot (HTTP/2 refuses them). */
    private static final class ReadRequest extends HttpServerRequestWrapper {
        ReadRequest(HttpServerRequestInternal request) {
            super(request);
        }

        @Override
        public HttpServerRequest pause() {
            return this;
        }

        @Override
        public HttpServerRequest resume() {
            return this;
        }
    }

    /**
     * The first interceptor. It sends a body the gateway has read whole as that buffer (with its length, so the
     * request can be sent again), and ends the request's pass (its bulkhead place, its circuit permission) when
     * the proxy has sent the answer (or failed to), not only when the router's end handlers run: under
     * GatewayOverheadBenchmark (a load generator ending its 32 connections every 5 s) some requests never had their
     * end handlers run and kept their places for good, until the bulkhead refused everything.
     */
    static final class ForwardOutcome implements ProxyInterceptor {
        private static final String PASS = "portal.forward-pass";
        private static final String RULES = "portal.forward-rules";
        private static final String REPEATABLE = "portal.forward-repeatable";

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Forwarding forwarding = FORWARDING.get();
            if (forwarding != null) {
                context.set(PASS, forwarding.pass());
                context.set(RULES, forwarding.rules());
                ProxyRequest request = context.request();
                if (forwarding.body() != null) {
                    // No 100-continue to wait for.
                    request.headers().remove(HttpHeaders.EXPECT);
                    request.setBody(forwarding.body().length() == 0 ? null : Body.body(forwarding.body()));
                    context.set(REPEATABLE, true);
                } else if (bodiless(request.proxiedRequest())) {
                    // The origin request is ended at once, and can be ended again on a retry.
                    request.setBody(null);
                    context.set(REPEATABLE, true);
                }
            }
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            int status = context.response().getStatusCode();
            HttpServerResponse caller = context.request().proxiedRequest().response();
            Pass pass = context.get(PASS, Pass.class);
            if (pass != null && context.get(Answer.BY_GATEWAY, Boolean.class) == null) {
                pass.originAnswered(status);
            }
            return context.sendResponse().andThen(ar -> {
                if (pass != null) {
                    pass.finished(ar.succeeded() && !caller.closed(), status);
                }
            });
        }

        static RequestRules rules(ProxyContext context) {
            return context.get(RULES, RequestRules.class);
        }

        /** Whether the request can be sent a second time: it has no body, or the gateway holds all of it. */
        static boolean repeatable(ProxyContext context) {
            return Boolean.TRUE.equals(context.get(REPEATABLE, Boolean.class));
        }

        private static boolean bodiless(HttpServerRequest request) {
            if (request.isEnded()) {
                return true;
            }
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return request.version() != HttpVersion.HTTP_2 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
                    && (length == null || "0".equals(length.strip()));
        }
    }

    void close(@Observes ShutdownEvent event) {
        clients.forEach(EventLoopClients::close);
    }
}
