package kr.civilportal.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import kr.civilportal.gateway.routing.RetryPolicy.BodyPlan;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.jboss.logging.Logger;

/**
 * Sends a request once more, to another replica, when the first could not have acted on it (connection refused
 * or closed before an answer, or a 503 from a replica that is shutting down), and only if {@link RetryPolicy}
 * says it may be sent twice. The last interceptor: calling {@code sendRequest()} again goes to the origin again,
 * which picks a replica not tried yet. A body up to {@code portal.gateway.retry.max-body-size} is buffered
 * so it can be sent twice; a larger or chunked one is streamed once and not retried.
 */
final class RetryOnAnotherReplica implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryOnAnotherReplica.class);

    private final String service;
    private final GatewayConfig.Retry config;
    private final GatewayMetrics metrics;

    RetryOnAnotherReplica(String service, GatewayConfig.Retry config, GatewayMetrics metrics) {
        this.service = service;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        if (!config.enabled() || !RetryPolicy.mayRetry(request.getMethod().name(),
                request.headers().get(RetryPolicy.IDEMPOTENCY_KEY))) {
            return context.sendRequest();
        }
        Body body = request.getBody();
        long length = body == null ? 0 : body.length();
        boolean chunked = "chunked".equalsIgnoreCase(request.headers().get(HttpHeaders.TRANSFER_ENCODING));
        BodyPlan plan = RetryPolicy.bodyPlan(length, chunked, config.maxBodySize().asLongValue());
        Future<Void> ready = switch (plan) {
            case STREAM_ONCE -> null;
            case NONE -> {
                // Nothing to send: the origin request is ended at once, and can be ended again on a retry.
                request.setBody(null);
                yield Future.succeededFuture();
            }
            case BUFFER -> buffer(body.stream()).map(bytes -> {
                request.setBody(Body.body(bytes));
                return null;
            });
        };
        if (ready == null) {
            return context.sendRequest();
        }
        return ready.compose(v -> context.sendRequest()).<ProxyResponse>transform(first -> {
            // The proxy resets the service's request when the caller leaves; that reset is no reason to try
            // another replica for nobody (it was counted as "no ready replica" and logged as a retry).
            boolean callerWaits = !callerGone(context);
            if (callerWaits && first.failed() && RetryPolicy.retryableFailure(first.cause())) {
                return again(context, "first attempt failed: " + first.cause());
            }
            if (callerWaits && first.succeeded() && RetryPolicy.retryableStatus(first.result().getStatusCode())
                    && StorkOrigin.untriedReplicas(context)) {
                first.result().release(); // drains the replica's answer, so its connection is free again
                return again(context, "first replica answered 503");
            }
            return first.succeeded() ? Future.succeededFuture(first.result()) : Future.failedFuture(first.cause());
        });
    }

    static boolean callerGone(ProxyContext context) {
        HttpServerResponse response = context.request().proxiedRequest().response();
        return response.closed() || response.ended();
    }

    private Future<ProxyResponse> again(ProxyContext context, String why) {
        LOG.infof("%s: retrying %s %s on another replica (%s)", service, context.request().getMethod(),
                context.request().getURI(), why);
        metrics.retried(service);
        return context.sendRequest();
    }

    private static Future<Buffer> buffer(ReadStream<Buffer> stream) {
        Promise<Buffer> done = Promise.promise();
        Buffer bytes = Buffer.buffer();
        stream.exceptionHandler(done::tryFail);
        stream.handler(bytes::appendBuffer);
        stream.endHandler(v -> done.tryComplete(bytes));
        stream.resume();
        return done.future();
    }
}
