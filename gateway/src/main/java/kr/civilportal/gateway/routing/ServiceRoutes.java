package kr.civilportal.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.gateway.routing.RouteGuards.Pass;
import kr.civilportal.gateway.routing.RouteGuards.RouteGuard;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.jboss.logging.Logger;

/**
 * Mounts one reverse proxy per service on the gateway's router. Each route is isolated from the others: its own
 * connection pool (with a bounded wait queue), time-out, circuit breaker and bulkhead, and replicas that are
 * not ready are left out of its rotation. So a service that hangs holds at most its own slots and connections,
 * and its callers soon get a fast 503, never the other services' resources. Everything is asynchronous on the
 * event loop: no worker thread waits on a service.
 * Bodies stream through (vertx-http-proxy pipes them with back-pressure); headers pass unchanged except
 * hop-by-hop ones; the bearer token passes on, so each service checks it again.
 */
@ApplicationScoped
public class ServiceRoutes {

    private static final Logger LOG = Logger.getLogger(ServiceRoutes.class);

    private final GatewayConfig config;
    private final ReplicaHealth health;
    private final RouteGuards guards;
    private final GatewayMetrics metrics;
    private final List<EventLoopClients> clients = new ArrayList<>();

    ServiceRoutes(GatewayConfig config, ReplicaHealth health, RouteGuards guards, GatewayMetrics metrics) {
        this.config = config;
        this.health = health;
        this.guards = guards;
        this.metrics = metrics;
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
            // The slow paths first: Vert.x tries routes in the order they were added.
            route.pathTimeouts().forEach((path, timeout) -> mount(router, client, service, route, guard, path, timeout));
            mount(router, client, service, route, guard, route.pathPrefix(), route.timeout());
        });
    }

    private void mount(Router router, EventLoopClients client, String service, GatewayConfig.Route route, RouteGuard guard,
                       String pathPrefix, Duration timeout) {
        HttpProxy proxy = HttpProxy.reverseProxy(client.shared())
                .origin(new StorkOrigin(service, timeout, health, client))
                .addInterceptor(new ForwardOutcome())
                .addInterceptor(new BodyOfUnknownLength(config.unknownLengthMaxBody().asLongValue()))
                .addInterceptor(new ForwardedHeaders())
                .addInterceptor(new UnavailableAsProblem(service, route, metrics))
                .addInterceptor(new RetryOnAnotherReplica(service, config.retry(), metrics));
        String path = pathPrefix + "*";
        router.route(path).handler(ctx -> forward(ctx, service, route, guard, proxy));
        LOG.infof("Route %s -> %s (idle time-out %d ms, at most %d in flight)", path, service, timeout.toMillis(),
                guard.maxConcurrent());
    }

    private void forward(RoutingContext ctx, String service, GatewayConfig.Route route, RouteGuard guard,
                         HttpProxy proxy) {
        long start = System.nanoTime();
        Context context = Vertx.currentContext();
        ctx.addEndHandler(ar -> metrics.request(service, ctx.response().getStatusCode(), System.nanoTime() - start));
        guard.enter(pass -> {
            // Succeeded: the whole answer went out (the response has ended by now, so "caller gone" cannot be asked
            // here: asking it made every answer look unanswered, and a hung or vanished service never opened the
            // circuit when the gateway answered its 503 or 504 itself). Failed: the connection closed first.
            ctx.addEndHandler(ar -> pass.finished(ar.succeeded(), ctx.response().getStatusCode()));
            if (callerGone(ctx)) {
                // The caller left before the request got here (while it was authenticated, or waiting for a
                // bulkhead place): the end handlers have already run and never will again, so the pass ends here.
                pass.finished(false, 0);
                return;
            }
            // A request that waited for a bulkhead place is let in from whichever thread freed one.
            if (Vertx.currentContext() == context) {
                handle(proxy, ctx, pass);
            } else {
                context.runOnContext(v -> {
                    if (callerGone(ctx)) {
                        pass.finished(false, 0);
                    } else {
                        handle(proxy, ctx, pass);
                    }
                });
            }
        }, refused -> {
            metrics.rejected(service, refused.tag);
            if (!callerGone(ctx)) {
                OutOfServiceAnswer.send(ctx, service, route, refused);
            }
        });
    }

    /**
     * Hands the request to the proxy, telling {@link ForwardOutcome} (the first interceptor, called synchronously
     * from here) which pass to end once the answer has been sent.
     */
    private static void handle(HttpProxy proxy, RoutingContext ctx, Pass pass) {
        FORWARDING.set(pass);
        try {
            proxy.handle(ctx.request());
        } finally {
            FORWARDING.remove();
        }
    }

    /** The pass of the request being handed to the proxy on this thread. */
    private static final ThreadLocal<Pass> FORWARDING = new ThreadLocal<>();

    /**
     * Ends the request's pass (its bulkhead place, its circuit permission) when the proxy has sent the answer (or
     * failed to), not only when the router's end handlers run: under GatewayOverheadBenchmark (a load generator
     * ending its 32 connections every 5 s) some requests never had their end handlers run and kept their places
     * for good, until the bulkhead refused everything.
     */
    static final class ForwardOutcome implements ProxyInterceptor {
        private static final String PASS = "portal.forward-pass";

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Pass pass = FORWARDING.get();
            if (pass != null) {
                context.set(PASS, pass);
            }
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            int status = context.response().getStatusCode();
            HttpServerResponse caller = context.request().proxiedRequest().response();
            return context.sendResponse().andThen(ar -> {
                Pass pass = context.get(PASS, Pass.class);
                if (pass != null) {
                    pass.finished(ar.succeeded() && !caller.closed(), status);
                }
            });
        }
    }

    /** The caller's connection closed, or its answer is already complete: nothing to forward. */
    static boolean callerGone(RoutingContext ctx) {
        return ctx.response().closed() || ctx.response().ended();
    }

    void close(@Observes ShutdownEvent event) {
        clients.forEach(EventLoopClients::close);
    }
}
