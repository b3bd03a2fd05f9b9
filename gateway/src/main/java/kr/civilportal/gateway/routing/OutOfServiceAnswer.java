package kr.civilportal.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;

/**
 * The answer a citizen gets when a service cannot serve them: an RFC 9457 503 with {@code Retry-After}, which
 * says in Korean and English that only this service is affected and what they can do instead (the route's
 * {@code alternatives}: a community service centre, the 110 call centre; for 119, calling 119). A web app's
 * route answers a browser with its static page instead ({@link PageFallback}).
 */
public final class OutOfServiceAnswer {

    /** Why the gateway answers instead of the service; also the {@code reason} tag of the rejection metric. */
    public enum Reason {
        TIMEOUT("timeout"),
        NO_READY_REPLICA("no-ready-replica"),
        CIRCUIT_OPEN("circuit-open"),
        BULKHEAD_FULL("bulkhead-full");

        public final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    /** Seconds a client should wait before trying again, when no circuit delay says otherwise. */
    static final long RETRY_AFTER_SECONDS = 5;

    private OutOfServiceAnswer() {
    }

    /** How a route answers a request its service cannot take. */
    @FunctionalInterface
    interface Unavailable {
        Answer answer(HttpServerRequest request, Reason reason);
    }

    /** A service's routes answer problem+json; a web app's, its static page to a browser. */
    static Unavailable forRoute(String service, GatewayConfig.Route route, PageFallback pages) {
        if (route.kind() == GatewayConfig.Kind.WEB_APP && route.fallbackPage().isPresent()) {
            String page = route.fallbackPage().get();
            return (request, reason) -> pages.unavailable(request, page, problem(service, route, reason),
                    retryAfterSeconds(route, reason));
        }
        return (request, reason) -> Answer.problem(problem(service, route, reason), request.path())
                .with("Retry-After", Long.toString(retryAfterSeconds(route, reason)));
    }

    public static Problem problem(String service, GatewayConfig.Route route, Reason reason) {
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
        String detail = what + " Other services are not affected. Please try again shortly."
                + route.alternatives().map(a -> " " + a).orElse("");
        String detailKo = whatKo + " 다른 서비스는 정상적으로 이용하실 수 있습니다. 잠시 후 다시 시도해 주세요."
                + route.alternativesKo().map(a -> " " + a).orElse("");
        return ProblemType.SERVICE_UNAVAILABLE.problem(detail, detailKo);
    }

    /** Seconds to suggest in {@code Retry-After}: an open circuit's delay, else a short fixed pause. */
    public static long retryAfterSeconds(GatewayConfig.Route route, Reason reason) {
        if (reason == Reason.CIRCUIT_OPEN) {
            return Math.max(1, ceilSeconds(route.circuitBreaker().delay()));
        }
        return RETRY_AFTER_SECONDS;
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
