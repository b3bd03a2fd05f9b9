package kr.civilportal.gateway.routing;

import kr.civilportal.common.problem.ProblemType;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import kr.civilportal.gateway.limits.RequestLimits;
import kr.civilportal.gateway.routing.OutOfServiceAnswer.Reason;
import kr.civilportal.gateway.routing.OutOfServiceAnswer.Unavailable;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.jboss.logging.Logger;

/**
 * When a service cannot be reached, has no replica in rotation, or does not answer within its route's time-out,
 * the caller gets the route's degraded answer (never a bare 502 or a hang): an RFC 9457 503 saying which
 * service, in Korean and English, with what to do instead, or a web app's static page.
 *
 * <p>One failure is the caller's own: a body that streams through (one larger than the route reads first) and
 * was still arriving when the time-out struck. The caller gets a 408, which never counts against the service's
 * circuit ({@link RouteGuards.Pass}).
 */
final class UnavailableAsProblem implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UnavailableAsProblem.class);

    private final String service;
    private final GatewayMetrics metrics;
    private final Unavailable unavailable;

    UnavailableAsProblem(String service, GatewayMetrics metrics, Unavailable unavailable) {
        this.service = service;
        this.metrics = metrics;
        this.unavailable = unavailable;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            if (RetryOnAnotherReplica.callerGone(context)) {
                return Future.failedFuture(failure); // nobody to answer, and not the service's fault
            }
            HttpServerRequest caller = context.request().proxiedRequest();
            Reason reason = failure instanceof ReplicaUnreachable || RetryPolicy.retryableFailure(failure)
                    ? Reason.NO_READY_REPLICA : Reason.TIMEOUT;
            if (reason == Reason.TIMEOUT && !ServiceRoutes.ForwardOutcome.repeatable(context) && !caller.isEnded()) {
                metrics.rejected(service, "body-timeout");
                return Answer.problem(ProblemType.REQUEST_TIMEOUT.problem(
                                "The request body stopped arriving before it was complete.",
                                "요청 본문이 끝까지 도착하지 않았습니다."), caller.path())
                        .with("Connection", "close").toProxy(context);
            }
            LOG.warnf("%s unavailable for %s %s: %s", service, caller.method(), caller.path(), failure.toString());
            metrics.rejected(service, reason.tag);
            return unavailable.answer(caller, reason).toProxy(context);
        });
    }
}
