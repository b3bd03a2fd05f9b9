package kr.civilportal.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.time.Duration;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * When a service cannot be reached or does not answer within its route's time-out, the caller gets an
 * RFC 9457 503 (never a bare 502 or a hang), saying which service, in Korean and English.
 */
final class UnavailableAsProblem implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UnavailableAsProblem.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds a client should wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final String service;
    private final Duration timeout;

    UnavailableAsProblem(String service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            LOG.warnf("%s unavailable for %s %s: %s", service, context.request().getMethod(),
                    context.request().getURI(), failure.toString());
            Problem problem = problem(service, timeout).withInstance(context.request().getURI());
            ProxyResponse response = context.request().release().response()
                    .setStatusCode(problem.status())
                    .setStatusMessage("Service Unavailable")
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                    .setBody(Body.body(Buffer.buffer(json(problem))));
            return Future.succeededFuture(response);
        });
    }

    static Problem problem(String service, Duration timeout) {
        Problem base = ProblemType.SERVICE_UNAVAILABLE.problem(
                "The " + service + " service is not answering right now (waited up to " + timeout.toMillis()
                        + " ms). Other services are not affected. Please try again shortly.",
                "현재 " + service + " 서비스가 응답하지 않습니다. 다른 서비스는 정상적으로 이용하실 수 있습니다. 잠시 후 다시 시도해 주세요.");
        return base;
    }

    private static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
