package kr.civilportal.gateway.routing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Tells the service who really called (X-Forwarded-*, and the caller's own Host) and carries one trace id
 * across every hop: the caller's W3C {@code traceparent} if it sent one, otherwise the gateway's own span's.
 */
final class ForwardedHeaders implements ProxyInterceptor {

    static final String TRACEPARENT = "traceparent";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        MultiMap headers = context.request().headers();
        if (!headers.contains(TRACEPARENT)) {
            headers.set(TRACEPARENT, traceparent());
        }
        String remote = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
        if (remote != null) {
            String prior = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", prior == null ? remote : prior + ", " + remote);
        }
        headers.set("X-Forwarded-Proto", incoming.scheme());
        if (incoming.authority() != null) {
            // Keep the caller's Host (as proxies usually do), so links a service builds, such as Location,
            // point at the gateway and never at a service's internal address.
            context.request().setAuthority(incoming.authority());
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        return context.sendRequest();
    }

    /**
     * The gateway's own span for this request (OpenTelemetry's, whose trace id is in the gateway's log lines), so
     * the gateway's and the service's logs share one trace id; a new one if there is no span.
     */
    static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
        }
        return newTraceparent();
    }

    /** {@code 00-<32 hex trace id>-<16 hex span id>-01}, per W3C Trace Context. */
    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HEX.formatHex(trace) + "-" + HEX.formatHex(span) + "-01";
    }
}
