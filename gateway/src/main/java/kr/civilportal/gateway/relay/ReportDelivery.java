package kr.civilportal.gateway.relay;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kr.civilportal.gateway.routing.GatewayConfig;

/**
 * Hands a report to one replica of the emergency-report service. A replica that refuses the connection or
 * answers 503 (shutting down, or its database gone) is skipped for the next one: nothing reached a service
 * that took it, and the Idempotency-Key makes a second try harmless anyway. A replica that takes the
 * connection but gives no answer in time ends the attempt (it may be committing; the held copy will be sent
 * again with the same key, and the service then answers with the first receipt).
 */
@ApplicationScoped
public class ReportDelivery {

    private final RelayConfig config;
    private final HttpClient client;
    private final AtomicInteger next = new AtomicInteger();

    ReportDelivery(RelayConfig config, GatewayConfig gateway, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(gateway.maxConnectionsPerRoute())
                .setConnectTimeout((int) gateway.connectTimeout().toMillis()));
    }

    public Future<Attempt> deliver(OutgoingReport report) {
        var instances = Stork.getInstance().getService(config.service()).getInstances().subscribeAsCompletionStage();
        // On the event loop (a report arriving) keep to its context; the forwarder runs on a worker without one.
        Context context = Vertx.currentContext();
        Future<List<ServiceInstance>> found = context == null ? Future.fromCompletionStage(instances)
                : Future.fromCompletionStage(instances, context);
        return found.compose(list -> {
            if (list.isEmpty()) {
                return Future.succeededFuture(new Attempt.Unreachable("no replica configured"));
            }
            int start = Math.floorMod(next.getAndIncrement(), list.size());
            return tryFrom(report, list, start, 0, null);
        }, failure -> Future.succeededFuture(new Attempt.Unreachable("service discovery: " + failure)));
    }

    private Future<Attempt> tryFrom(OutgoingReport report, List<ServiceInstance> instances, int start, int tried,
                                    Attempt last) {
        if (tried == instances.size()) {
            return Future.succeededFuture(last);
        }
        ServiceInstance instance = instances.get((start + tried) % instances.size());
        return send(report, instance).compose(attempt -> {
            boolean tryNext = attempt instanceof Attempt.Unreachable u && u.reason().startsWith(CONNECT)
                    || attempt instanceof Attempt.Answered a && a.status() == 503;
            return tryNext ? tryFrom(report, instances, start, tried + 1, attempt) : Future.succeededFuture(attempt);
        });
    }

    private static final String CONNECT = "connect: ";

    private Future<Attempt> send(OutgoingReport report, ServiceInstance instance) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(instance.getPort(), instance.getHost()))
                .setURI(config.reportPath())
                .setIdleTimeout(config.attemptTimeout().toMillis());
        hostHeader(options, report.host(), instance);
        return client.request(options).<Attempt>compose(request -> {
            request.headers().addAll(report.headers());
            return request.send(report.body())
                    .compose(response -> response.body()
                            .map(body -> (Attempt) new Attempt.Answered(response.statusCode(), response.headers(), body)))
                    .recover(failure -> Future.succeededFuture(new Attempt.Unreachable(
                            "no answer from " + instance.getHost() + ":" + instance.getPort() + ": " + failure)));
        }, failure -> Future.succeededFuture(new Attempt.Unreachable(
                CONNECT + instance.getHost() + ":" + instance.getPort() + ": " + failure)));
    }

    private static void hostHeader(RequestOptions options, String host, ServiceInstance instance) {
        if (host == null || host.isBlank()) {
            options.setHost(instance.getHost()).setPort(instance.getPort());
            return;
        }
        int colon = host.lastIndexOf(':');
        if (colon > 0 && colon < host.length() - 1 && host.substring(colon + 1).chars().allMatch(Character::isDigit)
                && !host.endsWith("]")) {
            options.setHost(host.substring(0, colon)).setPort(Integer.parseInt(host.substring(colon + 1)));
        } else {
            options.setHost(host).setPort(80);
        }
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }
}
