package kr.civilportal.gateway.routing;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A route's connections to its service, one pool per event loop: a request goes out on a connection of the event
 * loop that received it, as each NGINX worker keeps its own upstream connections. With one pool for the route, a
 * request received on one event loop would mostly get a connection living on another, so the request and then its
 * answer would each cross threads (a task queued, the other loop woken up): measurable in GatewayOverheadBenchmark's
 * JFR as selector wake-ups and context dispatches. The route's connection limit is shared out between the loops.
 */
final class EventLoopClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final Map<EventLoop, HttpClient> byLoop = new ConcurrentHashMap<>();
    /** For a request from outside any event loop (none today): the route's first pool. */
    private final HttpClient shared;
    private final List<HttpClient> all = new ArrayList<>();

    EventLoopClients(Vertx vertx, HttpClientOptions options, int maxConnections, int waitQueue) {
        this.vertx = vertx;
        this.options = options;
        int loops = eventLoops(vertx);
        this.pool = new PoolOptions()
                .setHttp1MaxSize(Math.max(1, (maxConnections + loops - 1) / loops))
                .setMaxWaitQueueSize(waitQueue);
        this.shared = create();
    }

    /** The pool of the event loop this is called on. */
    HttpClient current() {
        Context context = Vertx.currentContext();
        if (!(context instanceof ContextInternal internal) || !context.isEventLoopContext()) {
            return shared;
        }
        EventLoop loop = internal.nettyEventLoop();
        HttpClient client = byLoop.get(loop);
        return client != null ? client : byLoop.computeIfAbsent(loop, l -> create());
    }

    HttpClient shared() {
        return shared;
    }

    void close() {
        synchronized (all) {
            all.forEach(HttpClient::close);
        }
    }

    private HttpClient create() {
        HttpClient client = vertx.createHttpClient(options, pool);
        synchronized (all) {
            all.add(client);
        }
        return client;
    }

    private static int eventLoops(Vertx vertx) {
        int loops = 0;
        for (EventExecutor ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        return Math.max(1, loops);
    }
}
