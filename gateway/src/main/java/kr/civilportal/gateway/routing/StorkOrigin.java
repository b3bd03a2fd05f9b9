package kr.civilportal.gateway.routing;

import io.smallrye.stork.Stork;
import io.smallrye.stork.api.Service;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Picks a replica for a request: Stork's load balancer (round robin) over the service's address list, limited
 * to the replicas {@link ReplicaHealth} keeps in rotation and, on a retry, to those not tried yet for this request.
 */
final class StorkOrigin implements OriginRequestProvider {

    private static final String TRIED = "portal.tried-replicas";
    private static final String LISTED = "portal.listed-replicas";

    private final String service;
    private final Duration timeout;
    private final ReplicaHealth health;
    private final EventLoopClients clients;

    StorkOrigin(String service, Duration timeout, ReplicaHealth health, EventLoopClients clients) {
        this.service = service;
        this.timeout = timeout;
        this.health = health;
        this.clients = clients;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        Service stork = Stork.getInstance().getService(service);
        // Stork's address list is mostly known already (a static list, or a cached discovery): then it is used
        // on this thread. Turning it into a Vert.x future every time cost a trip through the event loop's task
        // queue per request.
        CompletableFuture<List<ServiceInstance>> listing = stork.getInstances().subscribeAsCompletionStage();
        if (listing.isDone() && !listing.isCompletedExceptionally()) {
            return pick(context, stork, listing.join());
        }
        return Future.fromCompletionStage(listing, Vertx.currentContext()).compose(all -> pick(context, stork, all));
    }

    private Future<HttpClientRequest> pick(ProxyContext context, Service stork, List<ServiceInstance> all) {
        context.set(LISTED, all.size());
        Set<String> tried = tried(context);
        List<ServiceInstance> candidates = untried(health.inRotation(service, all), tried);
        if (!candidates.isEmpty()) {
            return connect(context, stork, candidates, tried);
        }
        if (!tried.isEmpty()) {
            return Future.failedFuture(new OutOfServiceAnswer.NoReadyReplica(service));
        }
        // Nothing in rotation: ask the replicas now, so a service just back is used without waiting.
        return health.recheck(service, all).compose(ready -> ready.isEmpty()
                ? Future.failedFuture(new OutOfServiceAnswer.NoReadyReplica(service))
                : connect(context, stork, ready, tried));
    }

    /** Whether a retry of this request would find a replica it has not been sent to yet. */
    static boolean untriedReplicas(ProxyContext context) {
        Integer listed = context.get(LISTED, Integer.class);
        return listed != null && listed > tried(context).size();
    }

    private Future<HttpClientRequest> connect(ProxyContext context, Service stork, List<ServiceInstance> candidates,
                                              Set<String> tried) {
        ServiceInstance chosen = stork.selectInstance(candidates);
        tried.add(address(chosen));
        return request(context, chosen).recover(failure -> failure instanceof HttpClosedException
                // The pool handed out a kept-alive connection that closed just then (the service, or the gateway
                // after a caller left, ended it): nothing was sent yet, so ask once more for a connection to the
                // same replica. Before, this took the only replica out of rotation and answered 503.
                ? request(context, chosen)
                : Future.failedFuture(failure));
    }

    private Future<HttpClientRequest> request(ProxyContext context, ServiceInstance chosen) {
        return clients.current().request(requestTo(chosen)).onFailure(failure -> {
            if (RetryPolicy.connectFailure(failure)) {
                health.connectFailed(service, chosen, failure);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Set<String> tried(ProxyContext context) {
        Set<String> tried = context.get(TRIED, Set.class);
        if (tried == null) {
            tried = new HashSet<>();
            context.set(TRIED, tried);
        }
        return tried;
    }

    private static List<ServiceInstance> untried(List<ServiceInstance> instances, Set<String> tried) {
        if (tried.isEmpty()) {
            return instances;
        }
        return instances.stream().filter(i -> !tried.contains(address(i))).toList();
    }

    private static String address(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }

    private RequestOptions requestTo(ServiceInstance instance) {
        return new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(instance.getPort(), instance.getHost()))
                .setIdleTimeout(timeout.toMillis());
    }
}
