package kr.civilportal.gateway.routing;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests the gateway may send a second time, to another replica. Only those that cannot do harm twice:
 * methods idempotent by definition (RFC 9110 §9.2.2), and POSTs with an {@code Idempotency-Key} on routes (or
 * endpoints) whose service honours it by answering a repeat with the first answer
 * ({@code portal.gateway.routes.<route>.retry-keyed-posts}). Any other POST is never sent again: a second passport
 * application or certificate fee must not come from the gateway's own retry. Only a body the gateway holds whole
 * (read before forwarding) can be sent twice.
 */
public final class RetryPolicy {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private RetryPolicy() {
    }

    /** {@code keyedPostsHonoured}: the route's service answers a repeated Idempotency-Key with the first answer. */
    public static boolean mayRetry(String method, String idempotencyKey, boolean keyedPostsHonoured) {
        String m = method.toUpperCase(Locale.ROOT);
        if (IDEMPOTENT.contains(m)) {
            return true;
        }
        return keyedPostsHonoured && "POST".equals(m) && idempotencyKey != null && !idempotencyKey.isBlank();
    }

    /**
     * The replica gave no answer at all: no connection, or the connection closed or reset before any answer (a
     * replica shutting down closing its idle connections, a replica killed mid-request). Only requests
     * {@link #mayRetry} allows get here: idempotent or keyed, so even when the replica had begun acting on the
     * first delivery, a second one does no harm (RFC 9110 §9.2.2). A time-out is not retried: the service may
     * still be working on it, and the caller has already waited the route's time-out once.
     */
    public static boolean retryableFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof HttpClosedException || t instanceof SocketException
                    || t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }

    /**
     * No connection to the replica could be made at all: the one failure that says the replica itself is gone.
     * A kept-alive connection that closes under a request (the gateway resets one whenever a caller leaves
     * mid-request, HTTP/1.1 has no other way to abandon a request) says nothing about the replica.
     */
    public static boolean connectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** 503 from a replica: it is shutting down or not ready, so it did not act on the request. */
    public static boolean retryableStatus(int status) {
        return status == 503;
    }
}
