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
 * methods idempotent by definition (RFC 9110 §9.2.2), and POSTs with an {@code Idempotency-Key}, which every
 * service honours by answering a repeat with the first answer. A POST without a key is never sent again: a
 * second passport application or certificate fee must not come from the gateway's own retry.
 */
public final class RetryPolicy {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    /** What to do with the request body so that it can be sent again. */
    public enum BodyPlan {
        /** No body: nothing to keep. */
        NONE,
        /** A body of known length within the limit: buffered in memory. */
        BUFFER,
        /** Larger than the limit, or of unknown length (chunked): streamed once, never retried. */
        STREAM_ONCE
    }

    private RetryPolicy() {
    }

    public static boolean mayRetry(String method, String idempotencyKey) {
        String m = method.toUpperCase(Locale.ROOT);
        if (IDEMPOTENT.contains(m)) {
            return true;
        }
        return "POST".equals(m) && idempotencyKey != null && !idempotencyKey.isBlank();
    }

    /** {@code contentLength} is -1 when the caller did not send one. */
    public static BodyPlan bodyPlan(long contentLength, boolean chunked, long maxBufferedBytes) {
        if (contentLength == 0 || contentLength < 0 && !chunked) {
            return BodyPlan.NONE;
        }
        if (contentLength > 0 && contentLength <= maxBufferedBytes) {
            return BodyPlan.BUFFER;
        }
        return BodyPlan.STREAM_ONCE;
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
