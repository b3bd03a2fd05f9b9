package kr.civilportal.gateway.routing;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import kr.civilportal.gateway.limits.RequestRules;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.jboss.logging.Logger;

/**
 * Sends a request once more, to another replica, when the first could not have acted on it (connection refused
 * or closed before an answer, or a 503 from a replica that is shutting down), and only if {@link RetryPolicy}
 * says it may be sent twice. The last interceptor: calling {@code sendRequest()} again goes to the origin again,
 * which picks a replica not tried yet. Only a request without a body, or whose body the gateway read whole before
 * forwarding ({@code limits.RequestLimits}), can be sent again; a streamed one goes once.
 */
final class RetryOnAnotherReplica implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryOnAnotherReplica.class);

    private final String service;
    private final boolean enabled;
    private final GatewayMetrics metrics;

    /**
     * False for a web app's pages: their 503 is a page about a service behind them (the "unavailable" panel of a
     * hung passport), not a replica refusing; another replica would ask the same service again and the citizen
     * would wait twice for the same news. A page is still sent again when no connection could be made.
     */
    private final boolean retryOn503;

    RetryOnAnotherReplica(String service, boolean enabled, GatewayMetrics metrics, boolean retryOn503) {
        this.retryOn503 = retryOn503;
        this.service = service;
        this.enabled = enabled;
        this.metrics = metrics;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        RequestRules rules = ServiceRoutes.ForwardOutcome.rules(context);
        if (!enabled || !ServiceRoutes.ForwardOutcome.repeatable(context) || !RetryPolicy.mayRetry(
                request.getMethod().name(), request.headers().get(RetryPolicy.IDEMPOTENCY_KEY),
                rules != null && rules.retryKeyedPosts())) {
            return context.sendRequest();
        }
        return context.sendRequest().transform(first -> {
            // The proxy resets the service's request when the caller leaves; that reset is no reason to try
            // another replica for nobody (it was counted as "no ready replica" and logged as a retry).
            boolean callerWaits = !Answer.callerGone(request.proxiedRequest().response());
            if (callerWaits && first.failed() && RetryPolicy.retryableFailure(first.cause())) {
                return again(context, "first attempt failed: " + first.cause());
            }
            if (callerWaits && first.succeeded() && retryOn503
                    && RetryPolicy.retryableStatus(first.result().getStatusCode())
                    && StorkOrigin.untriedReplicas(context)) {
                first.result().release(); // drains the replica's answer, so its connection is free again
                return again(context, "first replica answered 503");
            }
            return first.succeeded() ? Future.succeededFuture(first.result()) : Future.failedFuture(first.cause());
        });
    }

    private Future<ProxyResponse> again(ProxyContext context, String why) {
        LOG.infof("%s: retrying %s %s on another replica (%s)", service, context.request().getMethod(),
                context.request().getURI(), why);
        metrics.retried(service);
        return context.sendRequest();
    }
}
