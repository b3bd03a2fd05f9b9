package kr.civilportal.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import kr.civilportal.common.problem.Problem;

/**
 * An answer the gateway gives itself (a refusal, a degraded answer, a ticket, a fallback page), written either
 * straight to the caller or, inside the proxy, as the response the proxy sends back.
 */
public record Answer(int status, MultiMap headers, Buffer body) {

    /** Set on the proxy's context when the answer is the gateway's own, not the origin's (read by the circuit). */
    static final String BY_GATEWAY = "portal.answered-by-gateway";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** An RFC 9457 problem, its {@code instance} the request path. */
    public static Answer problem(Problem problem, String path) {
        return of(problem.status(), Problem.MEDIA_TYPE, json(problem.withInstance(path)));
    }

    public static Answer json(int status, Object value) {
        return of(status, "application/json", json(value));
    }

    /**
     * A page the gateway renders itself; never kept by a cache (it stands in for pages that are), never framed
     * (its forms, the 119 fallback among them, must not be clicked through another site's frame). The same
     * headers as the gateway's other pages, see {@code own-pages} in application.properties.
     */
    public static Answer html(int status, String page) {
        return of(status, "text/html; charset=utf-8", page).with("Cache-Control", "no-store")
                .with("Content-Security-Policy", OWN_PAGE_POLICY).with("X-Frame-Options", "DENY")
                .with("X-Content-Type-Options", "nosniff").with("Referrer-Policy", "same-origin");
    }

    /**
     * The gateway's pages carry their style and the waiting room its script inline (they must work with every web
     * app down, so they load nothing): the policy forbids framing, plugins, a foreign base and foreign form
     * targets, not inline code.
     */
    public static final String OWN_PAGE_POLICY =
            "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private static Answer of(int status, String contentType, String body) {
        return new Answer(status, MultiMap.caseInsensitiveMultiMap().set("Content-Type", contentType),
                Buffer.buffer(body));
    }

    public Answer with(String header, String value) {
        headers.set(header, value);
        return this;
    }

    /** Answers the caller directly, unless an answer has already begun or the caller has gone. */
    public void send(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (!response.headWritten() && !callerGone(response)) {
            response.setStatusCode(status).headers().addAll(headers);
            response.end(body);
        }
    }

    /** Sends {@code problem} for the request's path (see {@link #send}). */
    public static void problem(RoutingContext ctx, Problem problem) {
        problem(problem, ctx.request().path()).send(ctx);
    }

    /** The answer as the proxy's response, in place of the service's. */
    public Future<ProxyResponse> toProxy(ProxyContext context) {
        context.set(BY_GATEWAY, Boolean.TRUE);
        ProxyResponse response = context.request().release().response().setStatusCode(status)
                .setStatusMessage(HttpResponseStatus.valueOf(status).reasonPhrase());
        response.headers().addAll(headers);
        return Future.succeededFuture(response.setBody(Body.body(body)));
    }

    /** The caller's connection closed, or its answer is complete: nobody to answer. */
    public static boolean callerGone(HttpServerResponse response) {
        return response.closed() || response.ended();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
