package kr.civilportal.common.verification;

import io.vertx.core.http.HttpServerRequest;

/**
 * The address of the client, for rate limiting. Behind the gateway the connection comes from the gateway,
 * which appends the address it saw to {@code X-Forwarded-For}: the last entry is the one a trusted hop wrote
 * (earlier entries come from the client and can be forged).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
