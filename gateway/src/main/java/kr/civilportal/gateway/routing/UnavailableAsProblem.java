package kr.civilportal.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.gateway.routing.OutOfServiceAnswer.Reason;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.jboss.logging.Logger;

/**
 * When a service cannot be reached, has no replica in rotation, or does not answer within its route's time-out,
 * the caller gets an RFC 9457 503 (never a bare 502 or a hang), saying which service, in Korean and English,
 * with what to do instead.
 */
final class UnavailableAsProblem implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UnavailableAsProblem.class);
    /** Seconds a client should wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final String service;
    private final GatewayConfig.Route route;
    private final GatewayMetrics metrics;

    UnavailableAsProblem(String service, GatewayConfig.Route route, GatewayMetrics metrics) {
        this.service = service;
        this.route = route;
        this.metrics = metrics;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            if (RetryOnAnotherReplica.callerGone(context)) {
                return Future.failedFuture(failure); // nobody to answer, and not the service's fault
            }
            Reason reason = failure instanceof ReplicaUnreachable || RetryPolicy.retryableFailure(failure)
                    ? Reason.NO_READY_REPLICA : Reason.TIMEOUT;
            LOG.warnf("%s unavailable for %s %s: %s", service, context.request().getMethod(),
                    context.request().getURI(), failure.toString());
            metrics.rejected(service, reason.tag);
            Problem problem = OutOfServiceAnswer.problem(service, route, reason).withInstance(context.request().getURI());
            ProxyResponse response = context.request().release().response()
                    .setStatusCode(problem.status())
                    .setStatusMessage("Service Unavailable")
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", Long.toString(OutOfServiceAnswer.retryAfterSeconds(route, reason)))
                    .setBody(Body.body(Buffer.buffer(OutOfServiceAnswer.json(problem))));
            return Future.succeededFuture(response);
        });
    }
}
