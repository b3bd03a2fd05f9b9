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
import kr.civilportal.gateway.security.TrustedForwarders;

/**
 * Tells the service who really called and carries one trace id across every hop: {@code X-Forwarded-For} is the
 * client as {@link TrustedForwarders} finds it (what the caller wrote there is believed only from a trusted
 * forwarder), {@code X-Forwarded-Proto}/{@code -Host} and the caller's own Host are passed on, and the caller's W3C
 * {@code traceparent} if it sent one, otherwise the gateway's own span's.
 */
final class ForwardedHeaders implements ProxyInterceptor {

    static final String TRACEPARENT = "traceparent";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final TrustedForwarders forwarders;

    ForwardedHeaders(TrustedForwarders forwarders) {
        this.forwarders = forwarders;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        MultiMap headers = context.request().headers();
        if (!headers.contains(TRACEPARENT)) {
            headers.set(TRACEPARENT, traceparent());
        }
        headers.set(TrustedForwarders.X_FORWARDED_FOR, forwarders.clientOf(incoming));
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
