package kr.civilportal.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.gateway.fallback.FallbackPages;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.jboss.logging.Logger;

/**
 * A route's answer when its service cannot serve a caller (circuit open, bulkhead full, no replica, refused, time-out):
 * never a bare 502 or a hang, but an RFC 9457 503 with {@code Retry-After}, which says in Korean and English that only
 * this service is affected and what to do instead (the route's {@code alternatives}: a community service centre, the
 * 110 call centre; for 119, calling 119). A web app's route answers a browser with its static page instead.
 *
 * <p>As the proxy's interceptor it gives that answer when forwarding failed, except for one failure that is the
 * caller's own: a body that streams through (one larger than the route reads first) and was still arriving when the
 * time-out struck. That caller gets a 408, which never counts against the service's circuit ({@link RouteGuards.Pass}).
 */
final class OutOfServiceAnswer implements ProxyInterceptor {

    /** Why the gateway answers instead of the service; also the {@code reason} tag of the rejection metric. */
    enum Reason {
        TIMEOUT("timeout"), NO_READY_REPLICA("no-ready-replica"), CIRCUIT_OPEN("circuit-open"),
        BULKHEAD_FULL("bulkhead-full");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    /** No replica of the service is in rotation (all failed their readiness probe or refused connections). */
    static final class NoReadyReplica extends RuntimeException {
        NoReadyReplica(String service) {
            super("No replica of " + service + " is ready", null, false, false);
        }
    }

    /** Seconds a client should wait before trying again, when no circuit delay says otherwise. */
    static final long RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(OutOfServiceAnswer.class);

    private final String service;
    private final GatewayConfig.Route route;
    private final FallbackPages pages;
    private final GatewayMetrics metrics;

    OutOfServiceAnswer(String service, GatewayConfig.Route route, FallbackPages pages, GatewayMetrics metrics) {
        this.service = service;
        this.route = route;
        this.pages = route.kind() == GatewayConfig.Kind.WEB_APP && route.fallbackPage().isPresent() ? pages : null;
        this.metrics = metrics;
    }

    Answer answer(HttpServerRequest request, Reason reason) {
        metrics.rejected(service, reason.tag);
        Answer answer = pages == null ? Answer.problem(problem(reason), request.path())
                : pages.unavailable(request, route.fallbackPage().get(), problem(reason));
        // An open circuit's delay, else a short pause.
        long retryAfter = reason == Reason.CIRCUIT_OPEN
                ? Math.max(1, (route.circuitBreaker().delay().toMillis() + 999) / 1000) : RETRY_AFTER_SECONDS;
        return answer.with("Retry-After", Long.toString(retryAfter));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            HttpServerRequest caller = context.request().proxiedRequest();
            if (Answer.callerGone(caller.response())) {
                return Future.failedFuture(failure); // nobody to answer, and not the service's fault
            }
            Reason reason = failure instanceof NoReadyReplica || RetryPolicy.retryableFailure(failure)
                    ? Reason.NO_READY_REPLICA : Reason.TIMEOUT;
            if (reason == Reason.TIMEOUT && !ServiceRoutes.ForwardOutcome.repeatable(context) && !caller.isEnded()) {
                metrics.rejected(service, "body-timeout");
                return Answer.problem(ProblemType.REQUEST_TIMEOUT.problem(
                                "The request body stopped arriving before it was complete.",
                                "요청 본문이 끝까지 도착하지 않았습니다."), caller.path())
                        .with("Connection", "close").toProxy(context);
            }
            LOG.warnf("%s unavailable for %s %s: %s", service, caller.method(), caller.path(), failure.toString());
            return answer(caller, reason).toProxy(context);
        });
    }

    private Problem problem(Reason reason) {
        String ko = route.nameKo().map(n -> n + "(" + service + ")").orElse(service);
        String what = switch (reason) {
            case TIMEOUT -> "The " + service + " service did not answer in time (waited "
                    + route.timeout().toMillis() + " ms).";
            case NO_READY_REPLICA -> "The " + service + " service is out of service right now.";
            case CIRCUIT_OPEN -> "The " + service + " service is failing right now, so the portal holds requests to it "
                    + "for a short while.";
            case BULKHEAD_FULL -> "The " + service + " service is busy with other requests right now.";
        };
        String whatKo = switch (reason) {
            case TIMEOUT -> "현재 " + ko + " 서비스가 제시간에 응답하지 않습니다.";
            case NO_READY_REPLICA -> "현재 " + ko + " 서비스를 이용할 수 없습니다.";
            case CIRCUIT_OPEN -> "현재 " + ko + " 서비스에 장애가 있어 잠시 요청을 보내지 않고 있습니다.";
            case BULKHEAD_FULL -> "현재 " + ko + " 서비스에 요청이 많아 처리할 수 없습니다.";
        };
        return ProblemType.SERVICE_UNAVAILABLE.problem(
                what + " Other services are not affected. Please try again shortly."
                        + route.alternatives().map(a -> " " + a).orElse(""),
                whatKo + " 다른 서비스는 정상적으로 이용하실 수 있습니다. 잠시 후 다시 시도해 주세요."
                        + route.alternativesKo().map(a -> " " + a).orElse(""));
    }
}
