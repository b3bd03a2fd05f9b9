package kr.civilportal.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import io.vertx.ext.web.RoutingContext;
import kr.civilportal.common.problem.Problem;

/**
 * An answer the gateway gives itself (a refusal, a degraded answer, a fallback page), written either straight to
 * the caller or, inside the proxy, as the response the proxy sends back.
 */
public record Answer(int status, MultiMap headers, Buffer body) {

    /** Set on the proxy's context when the answer is the gateway's own, not the origin's (read by the circuit). */
    static final String BY_GATEWAY = "portal.answered-by-gateway";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "Content-Type";

    /** An RFC 9457 problem for the request path. */
    public static Answer problem(Problem problem, String path) {
        Problem withPath = problem.withInstance(path);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set(CONTENT_TYPE, Problem.MEDIA_TYPE);
        return new Answer(withPath.status(), headers, Buffer.buffer(json(withPath)));
    }

    /** A page the gateway renders itself; never kept by a cache (it stands in for pages that are). */
    public static Answer html(int status, String page) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set(CONTENT_TYPE, "text/html; charset=utf-8")
                .set("Cache-Control", "no-store");
        return new Answer(status, headers, Buffer.buffer(page));
    }

    public Answer with(String header, String value) {
        headers.set(header, value);
        return this;
    }

    /** Answers the caller directly, unless an answer has already begun or the caller has gone. */
    public void send(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).headers().addAll(headers);
        response.end(body);
    }

    /** The answer as the proxy's response, in place of the service's. */
    public Future<ProxyResponse> toProxy(ProxyContext context) {
        context.set(BY_GATEWAY, Boolean.TRUE);
        ProxyResponse response = context.request().release().response().setStatusCode(status)
                .setStatusMessage(HttpResponseStatus.valueOf(status).reasonPhrase());
        response.headers().addAll(headers);
        return Future.succeededFuture(response.setBody(Body.body(body)));
    }

    static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
