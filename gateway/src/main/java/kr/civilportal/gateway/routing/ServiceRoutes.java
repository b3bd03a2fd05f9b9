package kr.civilportal.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Mounts one reverse proxy per service on the gateway's router. Each route has its own connection pool
 * and time-out, so a service that hangs can hold at most its own pool, never the other services' ones.
 * Bodies stream through (vertx-http-proxy pipes them with back-pressure); headers pass unchanged except
 * hop-by-hop ones; the bearer token passes on, so each service checks it again.
 */
@ApplicationScoped
public class ServiceRoutes {

    private static final Logger LOG = Logger.getLogger(ServiceRoutes.class);

    private final GatewayConfig config;
    private final List<HttpClient> clients = new ArrayList<>();

    ServiceRoutes(GatewayConfig config) {
        this.config = config;
    }

    void mount(@Observes Router router, Vertx vertx) {
        config.routes().forEach((service, route) -> {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setKeepAlive(true)
                    .setMaxPoolSize(config.maxConnectionsPerRoute())
                    .setConnectTimeout((int) config.connectTimeout().toMillis()));
            clients.add(client);
            // The slow paths first: Vert.x tries routes in the order they were added.
            route.pathTimeouts().forEach((path, timeout) -> mount(router, client, service, path, timeout));
            mount(router, client, service, route.pathPrefix(), route.timeout());
        });
    }

    private static void mount(Router router, HttpClient client, String service, String pathPrefix, Duration timeout) {
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                .origin(new StorkOrigin(service, timeout))
                .addInterceptor(new ForwardedHeaders())
                .addInterceptor(new UnavailableAsProblem(service, timeout));
        String path = pathPrefix + "*";
        router.route(path).handler(ctx -> proxy.handle(ctx.request()));
        LOG.infof("Route %s -> %s (idle time-out %d ms)", path, service, timeout.toMillis());
    }

    void close(@Observes ShutdownEvent event) {
        clients.forEach(HttpClient::close);
    }

    /** Picks a replica through SmallRye Stork (round robin over the service's address list). */
    private record StorkOrigin(String service, Duration timeout) implements OriginRequestProvider {

        @Override
        public Future<HttpClientRequest> create(ProxyContext context) {
            Context vertxContext = Vertx.currentContext();
            var selected = Stork.getInstance().getService(service).selectInstance().subscribeAsCompletionStage();
            return Future.fromCompletionStage(selected, vertxContext)
                    .compose(instance -> context.client().request(requestTo(instance)));
        }

        private RequestOptions requestTo(ServiceInstance instance) {
            return new RequestOptions()
                    .setServer(SocketAddress.inetSocketAddress(instance.getPort(), instance.getHost()))
                    .setIdleTimeout(timeout.toMillis());
        }
    }
}
